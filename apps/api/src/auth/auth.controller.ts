import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccountsService, type Viewer } from '@question-desk/accounts';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Public } from '../http/public.decorator';
import { LoginDto, SignedInDto, ViewerDto } from './login.dto';

@ApiTags('Authentication')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; returns a bearer token' })
  @ApiOkResponse({ type: SignedInDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is deactivated' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account (from any address) or from this address (for any account); see Retry-After' })
  login(@Body() body: LoginDto, @Ip() address: string): Promise<SignedInDto> {
    return this.accounts.login(body.email, body.password, address);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiOkResponse({ type: ViewerDto })
  me(@CurrentViewer() viewer: Viewer): ViewerDto {
    return viewer;
  }
}
