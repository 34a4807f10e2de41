import { ApiProperty } from '@nestjs/swagger';
import { MinistryDto } from '../auth/login.dto';
import { QuestionSetDto } from '../question-sets/question-set.dto';

const SECTION_KEYS = ['to-assign', 'rejected', 'needs-postponement', 'overdue', 'my-sets', 'to-review', 'to-co-sign', 'due-this-week', 'likely-late'];

export class WorklistSectionDto {
  @ApiProperty({
    enum: SECTION_KEYS,
    description:
      'desk: to-assign, rejected, needs-postponement, overdue; drafter: my-sets; coordinator: to-review, to-co-sign, overdue, due-this-week, likely-late (several roles: the union, in this order). likely-late ("Waarschijnlijk te laat"): open sets not yet past their statutory deadline whose lateRisk.chance is 0.5 or more, most likely first (of the 2,000 open sets with the nearest statutory deadlines)',
  })
  key: string;

  @ApiProperty({ example: 'Uitstelbericht nodig', description: 'Dutch title of the section' })
  title: string;

  @ApiProperty({ example: 3, description: 'How many sets the whole section has' })
  total: number;

  @ApiProperty({ type: QuestionSetDto, isArray: true, description: 'The first 10, most urgent first' })
  items: QuestionSetDto[];

  @ApiProperty({
    example: 'status=received&assignmentRejected=false&sort=deadline',
    description:
      "Query string of GET /api/question-sets (and of the web app's /vragen) listing the whole section; empty for likely-late, which no list filter describes",
  })
  listQuery: string;
}

export class MinistryCountDto {
  @ApiProperty({ type: MinistryDto })
  ministry: MinistryDto;

  @ApiProperty({ description: 'Open sets this ministry leads' })
  open: number;

  @ApiProperty()
  overdue: number;

  @ApiProperty({ description: 'Overdue and no uitstelbericht registered' })
  overdueWithoutPostponement: number;

  @ApiProperty({ description: 'Deadline from today up to and including Sunday' })
  dueThisWeek: number;

  @ApiProperty()
  inReview: number;

  @ApiProperty()
  coSigning: number;
}

export class WorklistDto {
  @ApiProperty({ type: WorklistSectionDto, isArray: true })
  sections: WorklistSectionDto[];

  @ApiProperty({
    type: MinistryCountDto,
    isArray: true,
    description: 'Desk officers and coordinators: open sets per lead ministry they may see, most overdue first; empty for others',
  })
  ministries: MinistryCountDto[];

  @ApiProperty({ example: 2 })
  unreadNotifications: number;
}
