import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../errors/app-error';

/** Who is asking: set by the auth guard from a verified access token and a live session. */
export interface Viewer {
  id: string;
  sessionId: string;
}

// The viewer of an HTTP request (non-GraphQL routes), set by the guard. A WeakMap rather than a
// property on the request, so nothing a client sends can ever pose as one.
const httpViewers = new WeakMap<object, Viewer>();

export function setRequestViewer(req: object, viewer: Viewer): void {
  httpViewers.set(req, viewer);
}

/** The authenticated viewer of an HTTP request, once the guard let it through an `@Authenticated()` route. */
export function requestViewer(req: object): Viewer | undefined {
  return httpViewers.get(req);
}

/**
 * Injects the authenticated viewer into a resolver method or an HTTP route handler (both need
 * `@Authenticated()`): the same decorator whatever the transport.
 */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const viewer =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ viewer?: Viewer }>().viewer
      : requestViewer(context.switchToHttp().getRequest<object>());
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
});
