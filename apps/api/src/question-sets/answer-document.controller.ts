import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { AnswerDocumentService } from '@question-desk/question-sets';
import type { Response } from 'express';
import { CurrentViewer } from '../http/current-viewer.decorator';

@ApiTags('Question sets')
@ApiBearerAuth()
@Controller('question-sets/:id')
export class AnswerDocumentController {
  constructor(private readonly documents: AnswerDocumentService) {}

  @Get('answer-document')
  @ApiOperation({
    summary: 'The answers as a markdown document in the published layout of the Aanhangsel van de Handelingen',
    description:
      'Header (reference, appendix number, members, addressees, subject, "ingezonden" date; who answered, "mede namens", "ontvangen" date), then each question followed by its answer, the Toelichting and the footnotes. A set that is not answered yet gives its draft answers, marked "Concept". Importing the document into another desk (POST /api/question-sets/import) gives the same set.',
  })
  @ApiProduces('text/markdown')
  @ApiOkResponse({
    description: 'text/markdown; charset=utf-8',
    schema: { type: 'string', example: '2020Z25656\n\nVragen van het lid **Van Helvert** (CDA) aan de Minister van Buitenlandse Zaken over …' },
    headers: { 'Content-Disposition': { description: 'inline; filename="2020Z25656-antwoorden.md"', schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to you' })
  async answerDocument(
    @CurrentViewer() viewer: Viewer,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const document = await this.documents.write(viewer, id);
    response.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    response.setHeader('Content-Disposition', `inline; filename="${document.filename}"`);
    return document.markdown;
  }
}
