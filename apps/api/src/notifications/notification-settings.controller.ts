import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { NotificationSettings } from '@question-desk/reminders';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { NotificationSettingsDto, UpdateNotificationSettings } from './notification.dto';

@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettings) {}

  @Get()
  @ApiOperation({ summary: 'Per kind of notification: whether you also get it by email (in the app you always do)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  async get(@CurrentViewer() viewer: Viewer): Promise<NotificationSettingsDto> {
    return { settings: await this.settings.get(viewer) };
  }

  @Put()
  @ApiOperation({ summary: 'Switch email on or off for the kinds named; the others stay as they are' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiBadRequestResponse({ description: 'An unknown kind, or email is not true or false' })
  async update(@CurrentViewer() viewer: Viewer, @Body() body: UpdateNotificationSettings): Promise<NotificationSettingsDto> {
    return { settings: await this.settings.update(viewer, body.settings) };
  }
}
