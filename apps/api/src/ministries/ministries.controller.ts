import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinistriesService } from '@question-desk/ministries';
import { MinistryDto } from '../auth/login.dto';

@ApiTags('Ministries')
@ApiBearerAuth()
@Controller('ministries')
export class MinistriesController {
  constructor(private readonly ministries: MinistriesService) {}

  @Get()
  @ApiOperation({ summary: 'The ministries (departments) a set can be assigned to' })
  @ApiOkResponse({ type: MinistryDto, isArray: true })
  async list(): Promise<MinistryDto[]> {
    return (await this.ministries.list()).map(({ code, name }) => ({ code, name }));
  }
}
