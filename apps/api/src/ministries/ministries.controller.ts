import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { UsersService } from '@question-desk/accounts';
import { isMinistryCode, MinistriesService } from '@question-desk/ministries';
import { MinistryDto } from '../auth/login.dto';
import { Roles } from '../http/roles.decorator';

export class DrafterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Daan Drafter' })
  name: string;

  @ApiProperty({ example: 'drafter@example.org' })
  email: string;
}

@ApiTags('Ministries')
@ApiBearerAuth()
@Controller('ministries')
export class MinistriesController {
  constructor(
    private readonly ministries: MinistriesService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The ministries (departments) a set can be assigned to' })
  @ApiOkResponse({ type: MinistryDto, isArray: true })
  async list(): Promise<MinistryDto[]> {
    return (await this.ministries.list()).map(({ code, name }) => ({ code, name }));
  }

  @Get(':code/drafters')
  @Roles('desk', 'coordinator', 'admin')
  @ApiOperation({ summary: 'The active drafters of a ministry, by name: whom a set of that ministry can be assigned to' })
  @ApiOkResponse({ type: DrafterDto, isArray: true })
  @ApiForbiddenResponse({ description: 'Only desk officers, coordinators and admins' })
  @ApiNotFoundResponse({ description: 'No ministry with this code' })
  drafters(@Param('code') code: string): Promise<DrafterDto[]> {
    if (!isMinistryCode(code)) throw new NotFoundException(`There is no ministry "${code}"; GET /api/ministries lists the codes, such as BZ or JenV.`);
    return this.users.drafters(code);
  }
}
