import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { DeskConfigService } from '@question-desk/config';
import { IntakeAlreadyRunning, IntakeService } from '@question-desk/intake';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Roles } from '../http/roles.decorator';
import { IntakeRunDto, IntakeSettingsDto, ListIntakeRunsQuery, ProvenanceDto } from './intake.dto';

@ApiTags('Intake (admin)')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'Only admins' })
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly config: DeskConfigService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The last runs of the Tweede Kamer open-data intake, latest first: when, how long, what was created, completed, skipped and why, the error',
  })
  @ApiOkResponse({ type: IntakeRunDto, isArray: true })
  runs(@Query() query: ListIntakeRunsQuery): Promise<IntakeRunDto[]> {
    return this.intake.lastRuns(query.limit ?? 20);
  }

  @Get('settings')
  @ApiOperation({ summary: 'How the intake is set up: on or off, how often, the sources, the ministries served' })
  @ApiOkResponse({ type: IntakeSettingsDto })
  settings(): IntakeSettingsDto {
    const s = this.config.values.intake;
    return { enabled: s.enabled, everyMinutes: s.everyMs / 60_000, odataUrl: s.odataUrl, publicationsUrl: s.publicationsUrl, deskMinistries: s.deskMinistries };
  }

  @Post('run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a run now; it goes on in the background (GET /api/intake shows how it went)' })
  @ApiAcceptedResponse({ type: IntakeRunDto })
  @ApiConflictResponse({ description: 'A run is in progress already' })
  async run(): Promise<IntakeRunDto> {
    const run = await this.intake.start('by-hand');
    if (!run) throw new IntakeAlreadyRunning();
    return run;
  }
}

@ApiTags('Question sets')
@ApiBearerAuth()
@Controller('question-sets')
export class OpenDataProvenanceController {
  constructor(private readonly intake: IntakeService) {}

  @Get(':id/open-data')
  @ApiOperation({ summary: "Where a set came from in the Tweede Kamer's open data (the Zaak, its documents and links) and the conflicts with hand edits" })
  @ApiOkResponse({ type: ProvenanceDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to you' })
  async provenance(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<ProvenanceDto> {
    await this.intake.assertVisible(viewer, id);
    return this.intake.provenance(id);
  }
}
