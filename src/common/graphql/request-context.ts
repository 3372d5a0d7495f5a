import type { Request, Response } from 'express';
import { Viewer } from '../auth/viewer';
import { RequestLoaders } from '../loaders/request-loaders';

/** The GraphQL context of one HTTP request. */
export interface RequestContext {
  req: Request;
  res: Response;
  viewer?: Viewer;
  loaders: RequestLoaders;
}
