import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UnsupportedMediaTypeException,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { UnsupportedDocumentFile } from '@question-desk/documents';
import { DocumentImportService, QuestionSetRows, QuestionSetsService, type QuestionSetView } from '@question-desk/question-sets';
import { ForecastService } from '@question-desk/statistics';
import type { Response } from 'express';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Exportable, ExportRequested, type TabularExport } from '../http/exportable';
import { Roles } from '../http/roles.decorator';
import { IntakeDto } from './intake.dto';
import { ListQuestionSetsQuery } from './list-question-sets.query';
import { AuditEventDto, ImportResultDto, QuestionSetDto, QuestionSetPageDto } from './question-set.dto';
import { QUESTION_SET_EXPORT } from './question-set-export';

const DOCUMENT_TYPES = ['text/plain', 'text/markdown'];
const UPLOAD_TYPE = 'multipart/form-data';
/** The field of a multipart upload that holds the document. */
export const UPLOAD_FIELD = 'file';

/** What multer (in memory) gives of an uploaded file. */
interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

const actorOf = (viewer: Viewer) => ({ id: viewer.id, name: viewer.name });

@ApiTags('Question sets')
@ApiBearerAuth()
@Controller('question-sets')
export class QuestionSetsController {
  constructor(
    private readonly questionSets: QuestionSetsService,
    private readonly documents: DocumentImportService,
    private readonly rows: QuestionSetRows,
    private readonly forecast: ForecastService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find question sets: filter, search, sort and page; a viewer with a ministry sees only its sets' })
  @ApiOkResponse({ type: QuestionSetPageDto })
  @ApiBadRequestResponse({ description: 'A filter that is not understood; the message names it' })
  @Exportable(QUESTION_SET_EXPORT)
  async list(
    @CurrentViewer() viewer: Viewer,
    @Query() { assignee, page, pageSize, ...query }: ListQuestionSetsQuery,
    @ExportRequested() download: TabularExport | null,
  ) {
    const filter = { ...query, assigneeId: assignee === 'me' ? viewer.id : assignee };
    // An export is every matching set, streamed in the list's order; paging is for the screen.
    if (download) return download.file(this.rows.rows(viewer, filter));
    const found = await this.questionSets.list(viewer, { ...filter, page, pageSize });
    // The late risk comes from the forecast's cached model and what the page already holds.
    const risks = await this.forecast.lateRisksOf(found.items);
    return { ...found, items: found.items.map((set) => ({ ...set, lateRisk: risks.get(set.id) ?? null })) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One question set with its questions, answers and deadlines' })
  @ApiOkResponse({ type: QuestionSetDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to you' })
  async get(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    const set = await this.questionSets.get(viewer, id);
    const risks = await this.forecast.lateRisksOf([set]);
    return { ...set, lateRisk: risks.get(set.id) ?? null };
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The audit trail of a set, oldest first' })
  @ApiOkResponse({ type: AuditEventDto, isArray: true })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to you' })
  events(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.questionSets.events(viewer, id);
  }

  @Post()
  @Roles('desk')
  @ApiOperation({ summary: 'Register a set by hand (manual intake)' })
  @ApiCreatedResponse({ type: QuestionSetDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiConflictResponse({ description: 'A set with this reference is already registered' })
  @ApiUnprocessableEntityResponse({ description: 'Breaks a rule of the desk, such as a submission date in the future' })
  intake(@CurrentViewer() viewer: Viewer, @Body() body: IntakeDto): Promise<QuestionSetView> {
    return this.questionSets.intake(
      {
        reference: body.reference?.toUpperCase() ?? null,
        appendixNumber: body.appendixNumber ?? null,
        chamber: body.chamber ?? 'TK',
        subject: body.subject.trim(),
        submittedOn: body.submittedOn,
        submitters: body.submitters.map((m) => ({ name: m.name, party: m.party ?? null })),
        addressees: body.addressees.map((a) => a.trim()),
        leadMinistryCode: body.leadMinistry,
        coSigningMinistryCodes: body.coSigningMinistries,
        explanatoryNote: body.explanatoryNote?.trim() || null,
        relatedReferences: body.relatedReferences?.map((r) => r.toUpperCase()) ?? [],
        questions: body.questions.map((q) => ({ number: q.number, text: q.text.trim(), footnotes: [] })),
      },
      actorOf(viewer),
    );
  }

  @Post('import')
  @Roles('desk')
  @ApiOperation({
    summary: 'Import one document as sent or published: questions create a set (201); answers or a postponement notice complete the set they belong to (200)',
    description:
      'Importing the same document again changes nothing (200, same id). A document is imported whole or refused: over the limits (see the API description) it is refused with 422 naming them. A corrected questions document for a set that is received or assigned replaces its questions (200, a "questions-corrected" event, a line in `warnings`); once the answers are being drafted it is refused with 409.',
  })
  @ApiConsumes(...DOCUMENT_TYPES, UPLOAD_TYPE)
  @ApiBody({
    description: `The document as text/plain or text/markdown, or uploaded as multipart/form-data with one file field "${UPLOAD_FIELD}": .txt, .md, .docx (Word) or .pdf. The file's kind is told by its name and checked against its content.`,
    schema: {
      oneOf: [
        { type: 'string', example: '2020Z25656\n\nVragen van het lid Van Helvert (CDA) aan de Minister van Buitenlandse Zaken over …' },
        {
          type: 'object',
          required: [UPLOAD_FIELD],
          properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: 'A .txt, .md, .docx or .pdf file' } },
        },
      ],
    },
  })
  @UseInterceptors(FileInterceptor(UPLOAD_FIELD))
  @ApiCreatedResponse({ type: ImportResultDto, description: 'A new set was made' })
  @ApiOkResponse({ type: ImportResultDto, description: 'An existing set was completed, or this document was imported before' })
  @ApiBadRequestResponse({ description: 'The body is empty or not text' })
  @ApiPayloadTooLargeResponse({ description: 'The document is larger than DOCUMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({
    description:
      'Not text/plain, text/markdown or an upload of a .txt, .md, .docx or .pdf file (an old .doc, .odt or image is refused: the message says how to save it)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Not readable as written questions, answers or a postponement notice, or over the limits; or an uploaded file that is not what its name says (a Word file named .pdf), damaged, protected with a password, a scan without text, or over 300 pages; the message says what to do',
  })
  @ApiConflictResponse({ description: 'A corrected questions document for a set whose answers are already being drafted' })
  async import(
    @CurrentViewer() viewer: Viewer,
    @Headers('content-type') contentType: string | undefined,
    @Body() posted: unknown,
    @UploadedFile() file: UploadedDocument | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (mediaType === UPLOAD_TYPE && !file) {
      throw new BadRequestException(`Choose a file: send the document in the multipart field "${UPLOAD_FIELD}".`);
    }
    if (file) {
      const result = await this.importUpload(file, viewer);
      response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
      return result;
    }
    const body = posted;
    if (!file && (!mediaType || !DOCUMENT_TYPES.includes(mediaType) || typeof body !== 'string')) {
      throw new UnsupportedMediaTypeException(
        `Send the document as text/plain or text/markdown in UTF-8 (got ${mediaType ?? 'no Content-Type'}). Upload Word (.docx) or PDF files as multipart/form-data in the field "${UPLOAD_FIELD}".`,
      );
    }
    if (typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the document as text.');
    if (body.includes('\u0000') || body.includes('\uFFFD')) {
      throw new BadRequestException(
        `The body is not UTF-8 text (it looks like a binary file, such as a PDF or Word document). Upload such a file as multipart/form-data in the field "${UPLOAD_FIELD}".`,
      );
    }
    if (body.trim().length === 0) throw new BadRequestException('The document is empty: send the text of the questions or answers.');
    const result = await this.documents.importDocument(body, actorOf(viewer));
    response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  private async importUpload(file: UploadedDocument, viewer: Viewer) {
    try {
      const { format: _format, ...result } = await this.documents.importFile({ name: file.originalname, bytes: file.buffer }, actorOf(viewer));
      return result;
    } catch (error) {
      if (error instanceof UnsupportedDocumentFile) throw new UnsupportedMediaTypeException(error.message);
      throw error;
    }
  }
}
