import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Viewer } from '@question-desk/accounts';

export interface AuthenticatedRequest {
  viewer?: Viewer;
}

/** The signed-in person, as set by the authentication guard. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().viewer!;
});
