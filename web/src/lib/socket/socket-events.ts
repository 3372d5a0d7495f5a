/**
 * The Socket.io events, their payloads and acknowledgements: typed once, on the server, in a file
 * with no runtime import, and shared here type-only.
 */
export type * from '../../../../src/modules/realtime/socket-events';
