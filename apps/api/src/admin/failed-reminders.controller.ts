import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { ReminderLedger } from '@question-desk/reminders';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Roles } from '../http/roles.decorator';
import { FailedReminderDto, ListFailedRemindersQuery, RetriedReminderDto } from './failed-reminder.dto';

@ApiTags('Reminders (admin)')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'Only admins' })
@Controller('reminders')
export class FailedRemindersController {
  constructor(private readonly ledger: ReminderLedger) {}

  @Get('failed')
  @ApiOperation({ summary: 'Reminders whose email failed after the last try (their in-app notification is there), latest first' })
  @ApiOkResponse({ type: FailedReminderDto, isArray: true })
  failed(@Query() query: ListFailedRemindersQuery): Promise<FailedReminderDto[]> {
    return this.ledger.failed(query.limit ?? 100);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try a failed reminder again: it goes out with the next sweep if the state still calls for it' })
  @ApiOkResponse({ type: RetriedReminderDto })
  @ApiNotFoundResponse({ description: 'No such reminder' })
  @ApiConflictResponse({ description: 'The reminder is not failed' })
  async retry(@CurrentViewer() admin: Viewer, @Param('id', new ParseUUIDPipe()) id: string): Promise<RetriedReminderDto> {
    await this.ledger.retry(id, admin);
    return { id, status: 'pending' };
  }
}
