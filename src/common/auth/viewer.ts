import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../errors/app-error';

/** Who is asking: set by the auth guard from a verified access token and a live session. */
export interface Viewer {
  id: string;
  sessionId: string;
}

/** Injects the authenticated viewer into a resolver method. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  // The context's shape is declared by request-context.ts, which imports Viewer: only what is read here, no cycle.
  const viewer = GqlExecutionContext.create(context).getContext<{ viewer?: Viewer }>().viewer;
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
});
