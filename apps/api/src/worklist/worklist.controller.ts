import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { WorklistService } from '@question-desk/question-sets';
import { NotificationsService } from '@question-desk/reminders';
import { SESSION_COOKIE } from '../http/browser-session';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { WorklistDto } from './worklist.dto';

@ApiTags('Worklist')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('worklist')
export class WorklistController {
  constructor(
    private readonly worklist: WorklistService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The werkvoorraad: what you have to do, by role, over the sets you may see, with your unread notifications',
  })
  @ApiOkResponse({ type: WorklistDto })
  async get(@CurrentViewer() viewer: Viewer): Promise<WorklistDto> {
    const [worklist, unreadNotifications] = await Promise.all([this.worklist.worklist(viewer), this.notifications.unreadCount(viewer)]);
    return { ...worklist, unreadNotifications };
  }
}
