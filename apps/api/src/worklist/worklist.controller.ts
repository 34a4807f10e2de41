import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { hasRole, type Viewer } from '@question-desk/accounts';
import { QuestionSetsService, WORKLIST_SECTION_SIZE, WorklistService } from '@question-desk/question-sets';
import { ForecastService } from '@question-desk/statistics';
import { NotificationsService } from '@question-desk/reminders';
import { SESSION_COOKIE } from '../http/browser-session';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { WorklistDto, type WorklistSectionDto } from './worklist.dto';

@ApiTags('Worklist')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('worklist')
export class WorklistController {
  constructor(
    private readonly worklist: WorklistService,
    private readonly notifications: NotificationsService,
    private readonly questionSets: QuestionSetsService,
    private readonly forecast: ForecastService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The werkvoorraad: what you have to do, by role, over the sets you may see, with your unread notifications',
  })
  @ApiOkResponse({ type: WorklistDto })
  async get(@CurrentViewer() viewer: Viewer): Promise<WorklistDto> {
    const [worklist, unreadNotifications, likelyLate] = await Promise.all([
      this.worklist.worklist(viewer),
      this.notifications.unreadCount(viewer),
      hasRole(viewer, 'coordinator') ? this.likelyLate(viewer) : Promise.resolve(null),
    ]);
    return { ...worklist, sections: likelyLate ? [...worklist.sections, likelyLate] : worklist.sections, unreadNotifications };
  }

  /** The coordinator's "Waarschijnlijk te laat": open sets the forecast expects to be answered after the statutory deadline. */
  private async likelyLate(viewer: Viewer): Promise<WorklistSectionDto> {
    const found = await this.forecast.likelyLate(viewer, WORKLIST_SECTION_SIZE);
    const items = await Promise.all(
      found.sets.map(async ({ id, lateRisk }) => {
        // As the other sections' items: without the questions, answers and actions of the detail.
        const set = await this.questionSets.get(viewer, id);
        delete set.questions;
        delete set.answers;
        delete set.allowedActions;
        return { ...set, lateRisk };
      }),
    );
    return { key: 'likely-late', title: 'Waarschijnlijk te laat', total: found.total, items, listQuery: '' };
  }
}
