import { Controller, Get, Headers, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { WORD_MEDIA_TYPE } from '@question-desk/documents';
import { AnswerDocumentService } from '@question-desk/question-sets';
import type { Response } from 'express';
import { CurrentViewer } from '../http/current-viewer.decorator';

/** Whether the client asks for Word before markdown (`Accept`, quality values respected). */
export function wantsWord(accept: string | undefined): boolean {
  if (!accept) return false;
  let word = 0;
  let markdown = 0;
  for (const range of accept.split(',')) {
    const [type, ...parameters] = range.trim().toLowerCase().split(';');
    const quality = Number(
      parameters
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? '1',
    );
    const q = Number.isFinite(quality) ? quality : 0;
    if (type.trim() === WORD_MEDIA_TYPE) word = Math.max(word, q);
    if (['text/markdown', 'text/*', 'text/plain'].includes(type.trim())) markdown = Math.max(markdown, q);
  }
  return word > 0 && word >= markdown;
}

@ApiTags('Question sets')
@ApiBearerAuth()
@Controller('question-sets/:id')
export class AnswerDocumentController {
  constructor(private readonly documents: AnswerDocumentService) {}

  @Get('answer-document')
  @ApiOperation({
    summary: 'The answers as a document in the published layout of the Aanhangsel van de Handelingen: markdown, or Word on request',
    description: `Header (reference, appendix number, members, addressees, subject, "ingezonden" date; who answered, "mede namens", "ontvangen" date), then each question followed by its answer, the Toelichting and the footnotes. A set that is not answered yet gives its draft answers, marked "Concept". With \`Accept: ${WORD_MEDIA_TYPE}\` the same document comes as a Word file (.docx) whose footnotes are Word footnotes, each where its marker stood in the text. Importing either document into another desk (POST /api/question-sets/import, the Word file as an upload) gives the same set.`,
  })
  @ApiHeader({ name: 'Accept', required: false, description: `text/markdown (the default) or ${WORD_MEDIA_TYPE}` })
  @ApiProduces('text/markdown', WORD_MEDIA_TYPE)
  @ApiOkResponse({
    description: `text/markdown; charset=utf-8, or ${WORD_MEDIA_TYPE} when the Accept header asks for Word`,
    content: {
      'text/markdown': {
        schema: { type: 'string', example: '2020Z25656\n\nVragen van het lid **Van Helvert** (CDA) aan de Minister van Buitenlandse Zaken over …' },
      },
      [WORD_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
    headers: {
      'Content-Disposition': {
        description: 'inline; filename="2020Z25656-antwoorden.md" (or attachment; filename="2020Z25656-antwoorden.docx")',
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to you' })
  async answerDocument(
    @CurrentViewer() viewer: Viewer,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | StreamableFile> {
    response.setHeader('Vary', 'Accept');
    if (wantsWord(accept)) {
      const word = await this.documents.writeWord(viewer, id);
      response.setHeader('Content-Type', WORD_MEDIA_TYPE);
      response.setHeader('Content-Disposition', `attachment; filename="${word.filename}"`);
      return new StreamableFile(word.docx);
    }
    const document = await this.documents.write(viewer, id);
    response.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    response.setHeader('Content-Disposition', `inline; filename="${document.filename}"`);
    return document.markdown;
  }
}
