import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '@question-desk/accounts';
import { ActionNotPermitted, roleRefusal, rolesFor, type WorkflowAction } from '@question-desk/question-sets';
import type { AuthenticatedRequest } from '../http/current-viewer.decorator';

const STEP_KEY = 'workflow-step';

/**
 * The route takes these steps of the workflow: only the roles the table gives them may call it,
 * refused with the table's own message (the step itself checks status, scope and version).
 */
export const WorkflowStep = (...actions: WorkflowAction[]) => applyDecorators(SetMetadata(STEP_KEY, actions), UseGuards(WorkflowStepGuard));

@Injectable()
export class WorkflowStepGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const actions = this.reflector.get<WorkflowAction[]>(STEP_KEY, context.getHandler());
    const { viewer } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!viewer) return false; // the authentication guard runs first and sets it
    if (!hasRole(viewer, ...rolesFor(actions))) throw new ActionNotPermitted(roleRefusal(actions, viewer));
    return true;
  }
}
