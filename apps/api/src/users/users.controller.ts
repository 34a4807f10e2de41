import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { UsersService, type Viewer } from '@question-desk/accounts';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Exportable, ExportRequested, type TabularExport } from '../http/exportable';
import { Roles } from '../http/roles.decorator';
import { USER_EXPORT, USER_EXPORT_LIMIT } from './user-export';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto, UserEventDto, UserPageDto } from './user.dto';

const actorOf = (viewer: Viewer) => ({ id: viewer.id, name: viewer.name });
const userId = new ParseUUIDPipe({ version: '4' });

/** Accounts, for administrators only. No response ever holds a password or its hash. */
@ApiTags('Users (admin)')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or the token is not valid (any more)' })
@ApiForbiddenResponse({ description: 'You are not an administrator' })
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Find accounts by role, ministry, active and part of the name or email; sorted by name, paged' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiBadRequestResponse({ description: 'A filter that is not understood; the message names it' })
  @Exportable(USER_EXPORT)
  async list(@Query() query: ListUsersQuery, @ExportRequested() download: TabularExport | null): Promise<UserPageDto | StreamableFile> {
    // A download is every account the filter finds, not one page.
    if (download) return download.file(await this.users.list({ ...query, page: 1, pageSize: USER_EXPORT_LIMIT }));
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  get(@Param('id', userId) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'Who created and changed the account, and what they changed, oldest first' })
  @ApiOkResponse({ type: UserEventDto, isArray: true })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  events(@Param('id', userId) id: string): Promise<UserEventDto[]> {
    return this.users.events(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an account; the person signs in with the email and password given here' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed (such as a password under 12 characters); the messages name them' })
  @ApiConflictResponse({ description: 'There is already an account with this email address (capitals do not count)' })
  @ApiUnprocessableEntityResponse({ description: 'An unknown ministry code, or a drafter without a ministry' })
  create(@CurrentViewer() viewer: Viewer, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(
      { email: body.email, name: body.name, password: body.password, roles: body.roles, ministryCode: body.ministry ?? null },
      actorOf(viewer),
    );
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change an account's name, roles, ministry or password, or (de)activate it",
    description:
      "Send the version you loaded. Deactivation takes effect at once: the person's tokens stop working and they cannot sign in. " +
      'You cannot deactivate yourself or remove your own admin role, and no change may leave the desk without an active administrator.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'A field is malformed; the messages name them' })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  @ApiConflictResponse({ description: 'Someone changed the account since you loaded it; the body holds currentVersion' })
  @ApiUnprocessableEntityResponse({ description: 'An unknown ministry, a drafter without a ministry, or a change that would lock out the last administrator' })
  update(@CurrentViewer() viewer: Viewer, @Param('id', userId) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(
      id,
      { version: body.version, name: body.name, roles: body.roles, ministryCode: body.ministry, active: body.active, password: body.password },
      actorOf(viewer),
    );
  }
}
