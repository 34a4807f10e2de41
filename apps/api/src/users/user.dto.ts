import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NO_MINISTRY, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_POLICY, ROLES, type Role } from '@question-desk/accounts';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MinistryDto } from '../auth/login.dto';
import { IsOmittable } from '../http/presence';
import { booleanWord, PageQueryDto } from '../http/page-query.dto';
import { VersionField } from '../http/version-field';

const ROLE_LIST = ROLES.join(', ');
const ROLES_MESSAGE = `roles must be a non-empty list of: ${ROLE_LIST}`;
// The shape only: whether the ministry exists is the desk's rule (422 naming the code).
const MINISTRY_CODE = /^[A-Za-z]{1,8}$/;
const MINISTRY_MESSAGE = 'ministry must be a ministry code such as BZ or JenV (GET /api/ministries lists them), or null for every ministry';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ana.devries@example.org', description: 'Stored lower-case; unique without regard to capitals' })
  email: string;

  @ApiProperty({ example: 'Ana de Vries' })
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['drafter'] })
  roles: string[];

  @ApiProperty({ type: MinistryDto, nullable: true, description: 'The ministry whose sets this person works on; null: every ministry' })
  ministry: MinistryDto | null;

  @ApiProperty({ description: 'False: the person cannot sign in, and their tokens stop working at once' })
  active: boolean;

  @ApiProperty({ example: 3, description: 'Send it back when changing the account; a stale one answers 409' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class UserPageDto {
  @ApiProperty({ type: UserDto, isArray: true })
  items: UserDto[];

  @ApiProperty({ example: 5 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}

export class UserEventDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'Adam Admin', description: 'Who made the change' })
  actor: string;

  @ApiProperty({ enum: ['user-created', 'user-updated'] })
  type: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'userId, email, and the changed fields before and after; passwordReset: true when a new password was set (never the password itself)',
  })
  details: Record<string, unknown>;
}

export class CreateUserDto {
  @ApiProperty({ example: 'ana.devries@example.org' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be an email address, such as ana.devries@example.org' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Ana de Vries', description: 'As colleagues know the person; shown in the audit trail' })
  @Transform(trimmed)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Never returned. Tell the person to keep it to themselves.' })
  @IsString({ message: 'password must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_POLICY })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: PASSWORD_POLICY })
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['drafter'], description: 'What the person does; a drafter needs a ministry' })
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayNotEmpty({ message: ROLES_MESSAGE })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles: Role[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'BZ',
    description: 'Ministry code (GET /api/ministries); null or absent: every ministry. Required for a drafter.',
  })
  @IsOptional()
  @Matches(MINISTRY_CODE, { message: MINISTRY_MESSAGE })
  ministry?: string | null;
}

export class UpdateUserDto {
  @VersionField('account')
  version: number;

  @ApiPropertyOptional({ example: 'Ana de Vries-Jansen' })
  @IsOmittable()
  @Transform(trimmed)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Replaces the roles; you cannot remove your own admin role' })
  @IsOmittable()
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayNotEmpty({ message: ROLES_MESSAGE })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'JenV', description: 'Ministry code, or null for every ministry' })
  @IsOptional()
  @Matches(MINISTRY_CODE, { message: MINISTRY_MESSAGE })
  ministry?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the account (its tokens stop working at once); true reactivates it. You cannot deactivate yourself.' })
  @IsOmittable()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'A new password (a reset); also lifts a sign-in block. Never returned.',
  })
  @IsOmittable()
  @IsString({ message: 'password must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_POLICY })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: PASSWORD_POLICY })
  password?: string;
}

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only people with this role' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLE_LIST}` })
  role?: Role;

  @ApiPropertyOptional({
    pattern: MINISTRY_CODE.source,
    example: 'BZ',
    description: `Only people of this ministry (a code, GET /api/ministries?all=true); "${NO_MINISTRY}": people without one (who see every ministry)`,
  })
  @IsOptional()
  @Matches(MINISTRY_CODE, { message: `ministry must be a ministry code such as BZ, or "${NO_MINISTRY}"` })
  ministry?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or deactivated (false) accounts' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or email address, any capitals', example: 'vries' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;
}
