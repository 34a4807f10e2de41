import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccountsService, hasRole, type Role } from '@question-desk/accounts';
import type { Request } from 'express';
import { CSRF_HEADER_VALUE, credentialsOf, lacksCsrfHeader } from './browser-session';
import type { AuthenticatedRequest } from './current-viewer.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/** Every route needs a bearer token or the browser session cookie unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const credentials = credentialsOf(request);
    if (!credentials) {
      throw new UnauthorizedException('Sign in first: send "Authorization: Bearer <accessToken>" from POST /api/auth/login, or sign in in the web app.');
    }
    if (credentials.kind === 'cookie' && lacksCsrfHeader(request)) {
      throw new ForbiddenException(
        `Requests that change something must carry the header "X-Requested-With: ${CSRF_HEADER_VALUE}" when they sign in with the session cookie. Reload the page and try again.`,
      );
    }
    request.viewer = await this.accounts.authenticate(credentials.token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !hasRole(request.viewer, ...roles)) {
      throw new ForbiddenException(`Only ${roles.join(' or ')} may do this; you are signed in as ${request.viewer.roles.join(', ')}.`);
    }
    return true;
  }
}
