import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { NotificationsService } from '@question-desk/reminders';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Exportable, ExportRequested, rowsOrDownload, type TabularExport } from '../http/exportable';
import { NOTIFICATION_EXPORT, NOTIFICATION_EXPORT_LIMIT } from './notification-export';
import { ListNotificationsQuery, MarkedReadDto, NotificationDto } from './notification.dto';

@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications (workflow events and reminders), newest first' })
  @ApiOkResponse({ type: NotificationDto, isArray: true })
  @ApiBadRequestResponse({ description: 'unread or limit is not valid' })
  @Exportable(NOTIFICATION_EXPORT)
  list(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ListNotificationsQuery,
    @ExportRequested() download: TabularExport | null,
  ): Promise<NotificationDto[] | StreamableFile> {
    // A download is every notification (of the filter) unless a limit is asked for; the screen shows the newest 100.
    return rowsOrDownload(
      this.notifications.list(viewer, { unreadOnly: query.unread, limit: query.limit ?? (download ? NOTIFICATION_EXPORT_LIMIT : 100) }),
      download,
    );
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentViewer() viewer: Viewer): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead(viewer) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read (again: keeps the first time)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'You have no notification with this id' })
  read(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(viewer, id);
  }
}
