import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'desk@example.org' })
  @IsEmail({}, { message: 'email must be an email address, such as desk@example.org' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1000)
  password: string;
}

export class MinistryDto {
  @ApiProperty({ example: 'BZ' })
  code: string;

  @ApiProperty({ example: 'Buitenlandse Zaken' })
  name: string;
}

export class ViewerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'desk@example.org' })
  email: string;

  @ApiProperty({ example: 'Dana Desk' })
  name: string;

  @ApiProperty({ enum: ['desk', 'drafter', 'coordinator', 'admin'], isArray: true })
  roles: string[];

  @ApiProperty({ type: MinistryDto, nullable: true, description: 'Null: sees every ministry.' })
  ministry: MinistryDto | null;
}

export class SignedInDto {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken: string;

  @ApiProperty({ type: ViewerDto })
  user: ViewerDto;
}
