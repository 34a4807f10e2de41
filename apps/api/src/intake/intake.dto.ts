import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

class SkipReasonDto {
  @ApiProperty({ example: 'not addressed to a ministry this desk serves (DESK_MINISTRIES)' })
  reason: string;

  @ApiProperty({ example: 12 })
  count: number;
}

export class IntakeRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['schedule', 'by-hand'] })
  trigger: string;

  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] })
  status: string;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'How long the run took, in milliseconds; null while it runs' })
  durationMs: number | null;

  @ApiProperty({ description: 'Sets made from new cases' })
  created: number;

  @ApiProperty({ description: 'Sets completed: published answers or question texts taken in' })
  completed: number;

  @ApiProperty({ description: 'Sets changed otherwise: a changed case, a postponement, a withdrawal, a set joined to its case' })
  updated: number;

  @ApiProperty({ description: 'Records left as they were; skipReasons says why' })
  skipped: number;

  @ApiProperty({ description: 'Disagreements with hand edits, recorded and shown on the set, not resolved' })
  conflicts: number;

  @ApiProperty({ type: SkipReasonDto, isArray: true })
  skipReasons: SkipReasonDto[];

  @ApiProperty({ nullable: true, type: String, description: 'What went wrong, in words; null when the run succeeded' })
  error: string | null;
}

export class IntakeSettingsDto {
  @ApiProperty({ description: 'Whether the worker runs the intake on its schedule (TK_INTAKE)' })
  enabled: boolean;

  @ApiProperty({ example: 15, description: 'Minutes between scheduled runs (TK_INTAKE_EVERY)' })
  everyMinutes: number;

  @ApiProperty({ example: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0' })
  odataUrl: string;

  @ApiProperty({ example: 'https://repository.officiele-overheidspublicaties.nl/officielepublicaties' })
  publicationsUrl: string;

  @ApiProperty({ type: String, isArray: true, nullable: true, example: ['BZ', 'JenV'], description: 'DESK_MINISTRIES; null: all' })
  deskMinistries: string[] | null;
}

export class ListIntakeRunsQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;
}

class ProvenanceDocumentDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ example: 'Antwoord schriftelijke vragen' })
  soort: string;

  @ApiProperty({ nullable: true, type: String, example: '2021D13711' })
  documentNumber: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'ah-tk-20202021-2290' })
  publicationId: string | null;

  @ApiProperty({ description: 'The document at the Gegevensmagazijn' })
  link: string;

  @ApiProperty({ nullable: true, type: String, description: 'Its XML at Officiële publicaties' })
  publicationLink: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  datedOn: string | null;

  @ApiProperty({ enum: ['applied', 'waiting-for-text', 'skipped', 'conflict', 'deleted-at-source'] })
  state: string;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

class ProvenanceConflictDto {
  @ApiProperty({ example: 'subject' })
  field: string;

  @ApiProperty({ description: 'What the desk holds (kept)', nullable: true })
  deskValue: unknown;

  @ApiProperty({ description: 'What the open data says', nullable: true })
  feedValue: unknown;

  @ApiProperty({ format: 'date-time' })
  noticedAt: string;
}

export class ProvenanceDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The Zaak id; null for a set that did not come from the open data' })
  zaakId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2019Z15244' })
  reference: string | null;

  @ApiProperty({ nullable: true, type: String })
  zaakLink: string | null;

  @ApiProperty({ description: 'The case is marked deleted (Verwijderd) at the source; the set stays' })
  deletedAtSource: boolean;

  @ApiProperty({ description: 'Registered from the case; the question text is not published yet' })
  questionsPending: boolean;

  @ApiProperty({ type: ProvenanceDocumentDto, isArray: true })
  documents: ProvenanceDocumentDto[];

  @ApiProperty({ type: ProvenanceConflictDto, isArray: true })
  conflicts: ProvenanceConflictDto[];
}
