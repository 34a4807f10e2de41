import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { UsersService } from '@question-desk/accounts';
import { Clock } from '@question-desk/deadlines';
import {
  isValidOn,
  MinistriesService,
  MINISTRY_CODE_PATTERN,
  MinistryNotFound,
  type Ministry,
  type MinistryPost,
  type MinistryWithPosts,
} from '@question-desk/ministries';
import { Roles } from '../http/roles.decorator';
import {
  CreateMinistryDto,
  CreatePostDto,
  ListMinistriesQuery,
  MinistryDetailsDto,
  MinistryPostDto,
  MinistryWithPostsDto,
  UpdateMinistryDto,
  UpdatePostDto,
} from './ministry.dto';

export class DrafterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Daan Drafter' })
  name: string;

  @ApiProperty({ example: 'drafter@example.org' })
  email: string;
}

const postId = new ParseUUIDPipe({ version: '4' });

@ApiTags('Ministries')
@ApiBearerAuth()
@Controller('ministries')
export class MinistriesController {
  constructor(
    private readonly ministries: MinistriesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The ministries (departments) a set can be assigned to today; ?all=true adds the ended ones' })
  @ApiOkResponse({ type: MinistryDetailsDto, isArray: true })
  @ApiBadRequestResponse({ description: 'all is not true or false' })
  async list(@Query() query: ListMinistriesQuery): Promise<MinistryDetailsDto[]> {
    return (await this.ministries.list({ all: query.all === true })).map((m) => this.ministryOf(m));
  }

  @Get(':code')
  @ApiOperation({ summary: 'One ministry with every post that falls or fell under it' })
  @ApiOkResponse({ type: MinistryWithPostsDto })
  @ApiNotFoundResponse({ description: 'No ministry with this code' })
  async get(@Param('code') code: string): Promise<MinistryWithPostsDto> {
    return this.withPosts(await this.ministries.get(this.codeOf(code)));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a ministry (admin), for instance when a new cabinet forms one' })
  @ApiCreatedResponse({ type: MinistryWithPostsDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the messages name them' })
  @ApiForbiddenResponse({ description: 'Only administrators' })
  @ApiConflictResponse({ description: 'The code or the name is taken (codes are never reused, not even of ended ministries)' })
  async create(@Body() body: CreateMinistryDto): Promise<MinistryWithPostsDto> {
    return this.withPosts(await this.ministries.create({ code: body.code, name: body.name, validFrom: body.validFrom }));
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({
    summary: 'Rename or end a ministry (admin)',
    description:
      'Send the version you loaded. A rename takes effect today; the old name stays as a post that ended yesterday, so earlier documents still point here. ' +
      'validUntil ends the ministry and its posts on that day: it keeps its sets and history, but no new work can be assigned or transferred to it. Nothing is ever deleted.',
  })
  @ApiOkResponse({ type: MinistryWithPostsDto })
  @ApiBadRequestResponse({ description: 'A field is malformed; the messages name them' })
  @ApiForbiddenResponse({ description: 'Only administrators' })
  @ApiNotFoundResponse({ description: 'No ministry with this code' })
  @ApiConflictResponse({ description: 'Someone changed the ministry since you loaded it (the body holds currentVersion), or the new name is taken' })
  @ApiUnprocessableEntityResponse({ description: 'validUntil before the ministry began' })
  async update(@Param('code') code: string, @Body() body: UpdateMinistryDto): Promise<MinistryWithPostsDto> {
    return this.withPosts(await this.ministries.update(this.codeOf(code), { version: body.version, name: body.name, validUntil: body.validUntil }));
  }

  @Post(':code/posts')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a post that falls under this ministry (admin), such as "Minister voor Buitenlandse Handel en Ontwikkelingshulp"' })
  @ApiCreatedResponse({ type: MinistryPostDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the messages name them' })
  @ApiForbiddenResponse({ description: 'Only administrators' })
  @ApiNotFoundResponse({ description: 'No ministry with this code' })
  @ApiConflictResponse({ description: 'This post is already recorded from that day' })
  @ApiUnprocessableEntityResponse({ description: 'The ministry ended before the post would end, or the dates are in the wrong order' })
  async addPost(@Param('code') code: string, @Body() body: CreatePostDto): Promise<MinistryPostDto> {
    return this.postOf(await this.ministries.addPost(this.codeOf(code), { title: body.title, validFrom: body.validFrom, validUntil: body.validUntil }));
  }

  @Patch(':code/posts/:id')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename, move to another ministry, or end a post (admin); send the version you loaded' })
  @ApiOkResponse({ type: MinistryPostDto })
  @ApiBadRequestResponse({ description: 'A field is malformed; the messages name them' })
  @ApiForbiddenResponse({ description: 'Only administrators' })
  @ApiNotFoundResponse({ description: 'No such ministry, or no such post under it' })
  @ApiConflictResponse({
    description: 'Someone changed the post since you loaded it (the body holds currentVersion), or the same post is already recorded from that day',
  })
  @ApiUnprocessableEntityResponse({ description: 'An unknown or ended ministry to move it to, or dates in the wrong order' })
  async updatePost(@Param('code') code: string, @Param('id', postId) id: string, @Body() body: UpdatePostDto): Promise<MinistryPostDto> {
    return this.postOf(
      await this.ministries.updatePost(this.codeOf(code), id, {
        version: body.version,
        title: body.title,
        ministry: body.ministry,
        validFrom: body.validFrom,
        validUntil: body.validUntil,
      }),
    );
  }

  @Get(':code/drafters')
  @Roles('desk', 'coordinator', 'admin')
  @ApiOperation({ summary: 'The active drafters of a ministry, by name: whom a set of that ministry can be assigned to' })
  @ApiOkResponse({ type: DrafterDto, isArray: true })
  @ApiForbiddenResponse({ description: 'Only desk officers, coordinators and admins' })
  @ApiNotFoundResponse({ description: 'No ministry with this code' })
  async drafters(@Param('code') code: string): Promise<DrafterDto[]> {
    await this.ministries.get(this.codeOf(code));
    return this.users.drafters(code);
  }

  /** A code of the wrong shape cannot name a ministry: 404 like an unknown one. */
  private codeOf(code: string): string {
    if (!MINISTRY_CODE_PATTERN.test(code)) throw new MinistryNotFound(code.slice(0, 40));
    return code;
  }

  private ministryOf(m: Ministry): MinistryDetailsDto {
    return { code: m.code, name: m.name, validFrom: m.validFrom, validUntil: m.validUntil, current: isValidOn(m, this.clock.today()), version: m.version };
  }

  private postOf(p: MinistryPost): MinistryPostDto {
    return {
      id: p.id,
      title: p.title,
      ministry: p.ministryCode,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      current: isValidOn(p, this.clock.today()),
      version: p.version,
    };
  }

  private withPosts({ ministry, posts }: MinistryWithPosts): MinistryWithPostsDto {
    return { ...this.ministryOf(ministry), posts: posts.map((p) => this.postOf(p)) };
  }
}
