import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { TRANSITION_ACTIONS, WorkflowService } from '@question-desk/question-sets';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { AssignedSetDto, QuestionSetDto } from './question-set.dto';
import { AssignDto, PostponeDto, ReasonDto, RevisionDto, SaveDraftDto, TransferDto, TransitionDto, VersionedDto } from './workflow.dto';
import { WorkflowStep } from './workflow-step.guard';

const SetId = () => Param('id', new ParseUUIDPipe({ version: '4' }));
// On each step, not the class: a class-level 200 loses its schema to the step's @HttpCode(200).
const UpdatedSet = () => ApiOkResponse({ type: QuestionSetDto, description: 'The updated set, with the actions you may take next' });

/** Each step answers the updated set, or 409 when `version` is stale or the status does not allow it. */
@ApiTags('Workflow')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown, or not visible to you' })
@ApiForbiddenResponse({ description: 'Your role or ministry may not take this step' })
@ApiConflictResponse({ description: 'Stale version (reload; currentVersion says the current one), or the status does not allow this step (allowedActions)' })
@ApiUnprocessableEntityResponse({ description: 'Breaks a rule of the desk; the message says which' })
@Controller('question-sets/:id')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Post('assignment')
  @HttpCode(200)
  @WorkflowStep('assign')
  @ApiOkResponse({ type: AssignedSetDto, description: 'The updated set, with the actions you may take next and warnings about moved internal deadlines' })
  @ApiOperation({
    summary: 'Assign to a lead ministry and a drafter, with co-signing ministries and internal deadlines (desk)',
    description:
      'Internal deadlines (draft, review, co-signing) are counted back from the deadline in force in working days (INTERNAL_DEADLINES; weekends and Dutch public holidays skipped). Those that would already have passed move to the next working days, and `warnings` says so.',
  })
  assign(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: AssignDto) {
    return this.workflow.assign(viewer, id, body);
  }

  @Post('assignment/accept')
  @HttpCode(200)
  @WorkflowStep('accept')
  @UpdatedSet()
  @ApiOperation({ summary: 'Accept the assignment (the assigned drafter)' })
  accept(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: VersionedDto) {
    return this.workflow.accept(viewer, id, body.version);
  }

  @Post('assignment/reject')
  @HttpCode(200)
  @WorkflowStep('reject')
  @UpdatedSet()
  @ApiOperation({ summary: 'Reject the assignment with a reason: back to the desk (the assigned drafter)' })
  reject(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: ReasonDto) {
    return this.workflow.reject(viewer, id, body.version, body.reason);
  }

  @Post('assignment/transfer')
  @HttpCode(200)
  @WorkflowStep('transfer')
  @UpdatedSet()
  @ApiOperation({ summary: 'Transfer to another ministry with a reason; the old ministry loses access (desk)' })
  transfer(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: TransferDto) {
    return this.workflow.transfer(viewer, id, body);
  }

  @Put('answers')
  @WorkflowStep('save-draft')
  @UpdatedSet()
  @ApiOperation({ summary: 'Save the draft answers; one answer may cover several questions; every save is kept as a revision (drafter of the lead ministry)' })
  saveDraft(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: SaveDraftDto) {
    return this.workflow.saveDraft(
      viewer,
      id,
      body.version,
      body.answers.map((a) => ({ questionNumbers: a.questionNumbers, text: a.text.trim(), footnotes: [] })),
    );
  }

  @Get('revisions')
  @ApiOperation({ summary: 'Every saved draft, oldest first, with the questions whose answer changed' })
  @ApiOkResponse({ type: RevisionDto, isArray: true })
  revisions(@CurrentViewer() viewer: Viewer, @SetId() id: string) {
    return this.workflow.revisions(viewer, id);
  }

  @Post('transitions')
  @HttpCode(200)
  @WorkflowStep(...TRANSITION_ACTIONS)
  @UpdatedSet()
  @ApiOperation({
    summary:
      'Move the set on: submit-for-review (drafter), approve / request-changes (coordinator), co-sign (co-signing ministry), mark-answered / withdraw (desk)',
  })
  transition(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: TransitionDto) {
    return this.workflow.transition(viewer, id, body);
  }

  @Post('postponements')
  @HttpCode(200)
  @WorkflowStep('postpone')
  @UpdatedSet()
  @ApiOperation({ summary: 'Register a postponement notice (uitstelbericht): a new deadline in force; the statutory deadline stays (desk or coordinator)' })
  postpone(@CurrentViewer() viewer: Viewer, @SetId() id: string, @Body() body: PostponeDto) {
    return this.workflow.postpone(viewer, id, body);
  }
}
