import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AccountsService, type Viewer } from '@question-desk/accounts';
import { DeskConfigService } from '@question-desk/config';
import type { CookieOptions, Request, Response } from 'express';
import { credentialsOf, SESSION_COOKIE } from '../http/browser-session';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Public } from '../http/public.decorator';
import { LoginDto, SignedInDto, ViewerDto } from './login.dto';

@ApiTags('Authentication')
@Controller('auth')
export class AuthController {
  private readonly cookie: CookieOptions;

  constructor(
    private readonly accounts: AccountsService,
    config: DeskConfigService,
  ) {
    const { environment, token } = config.values;
    this.cookie = { httpOnly: true, sameSite: 'strict', secure: environment === 'production', path: '/', maxAge: token.ttlSeconds * 1000 };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password; returns a bearer token and sets the browser session cookie',
    description: `Scripts send the token as "Authorization: Bearer …". Browsers get the HttpOnly cookie ${SESSION_COOKIE} (SameSite=Strict) with the same lifetime; requests that change something and sign in by that cookie must carry "X-Requested-With: question-desk".`,
  })
  @ApiOkResponse({ type: SignedInDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is deactivated' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this account (from any address) or from this address (for any account); see Retry-After',
  })
  async login(@Body() body: LoginDto, @Ip() address: string, @Res({ passthrough: true }) response: Response): Promise<SignedInDto> {
    const signedIn = await this.accounts.login(body.email, body.password, address);
    response.cookie(SESSION_COOKIE, signedIn.accessToken, this.cookie);
    return signedIn;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: ends the session of the cookie (or of the bearer token sent) at once, in every API process, and removes the cookie',
    description: 'Other sessions of the same account (other browsers, scripts) keep working.',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const credentials = credentialsOf(request);
    if (credentials) await this.accounts.signOut(credentials.token);
    const { maxAge: _maxAge, ...options } = this.cookie;
    response.clearCookie(SESSION_COOKIE, options);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiOkResponse({ type: ViewerDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or the session has ended' })
  me(@CurrentViewer() viewer: Viewer): ViewerDto {
    return viewer;
  }
}
