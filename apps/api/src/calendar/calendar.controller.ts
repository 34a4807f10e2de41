import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { CalendarService } from '@question-desk/calendar';
import type { Response } from 'express';
import { SESSION_COOKIE } from '../http/browser-session';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Public } from '../http/public.decorator';

export class CalendarFeedDto {
  @ApiProperty({ description: 'Whether you have a deadline calendar' })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When its current address was made' })
  createdAt: string | null;

  @ApiPropertyOptional({
    description: 'The secret address to subscribe to; only in the answer that made it (it is stored hashed, so it cannot be shown again)',
    example: 'https://vragen.example.org/api/calendar/3q2-7wJx….ics',
  })
  url?: string;
}

@ApiTags('Deadline calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('me/calendar')
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Whether you have a deadline calendar (its address is shown only when it is made)' })
  @ApiOkResponse({ type: CalendarFeedDto })
  status(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedDto> {
    return this.calendars.feedOf(viewer);
  }

  @Post('me/calendar')
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary: 'Make your deadline calendar, or renew its secret address: the old address stops working at once',
    description:
      'A drafter gets the internal deadlines (draft, review, co-signing) of the open sets assigned to them; desk officers and coordinators the deadline in force of the open sets of their ministry (of every ministry without one). All-day entries; a postponement moves the entry.',
  })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  renew(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedDto> {
    return this.calendars.renew(viewer);
  }

  @Delete('me/calendar')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Stop your deadline calendar: its address stops working' })
  @ApiNoContentResponse({ description: 'Stopped (or there was none)' })
  async revoke(@CurrentViewer() viewer: Viewer): Promise<void> {
    await this.calendars.revoke(viewer);
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiParam({ name: 'token', description: 'The secret of the address (from POST /api/me/calendar)' })
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'A deadline calendar (iCalendar), for calendar apps: no sign-in, the secret address is the key' })
  @ApiOkResponse({ description: 'The calendar', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'No calendar at this address (never made, renewed or revoked)' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const calendar = await this.calendars.calendar(token);
    // Set only on success: a refusal leaves as the usual JSON error.
    response.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="termijnen.ics"',
      'Cache-Control': 'private, no-cache',
    });
    return calendar;
  }
}
