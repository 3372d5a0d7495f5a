import { createSecretKey, KeyObject, randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';

/** The default lifetime; `ACCESS_TOKEN_TTL_SECONDS` changes it (tests shorten it to watch a refresh happen). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessClaims {
  sub: string;
  sid: string;
}

/** Short-lived HS256 access tokens. Only HS256 is accepted on the way in, so `alg: none` and key confusion fail. */
export class AccessTokens {
  // A key object, made once: given a string, jsonwebtoken first tries it as a public key and
  // throws, on every call (7% of the app CPU of a feed request went there).
  private readonly secret: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  ) {
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(claims: AccessClaims): string {
    return jwt.sign({ sid: claims.sid, typ: 'access' }, this.secret, {
      algorithm: 'HS256',
      subject: claims.sub,
      expiresIn: this.ttlSeconds,
      jwtid: randomUUID(),
    });
  }

  /** The claims of a valid, unexpired access token; undefined for anything else. */
  verify(token: string): (AccessClaims & { exp: number }) | undefined {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
      if (typeof payload !== 'object' || payload.typ !== 'access') return undefined;
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number')
        return undefined;
      return { sub: payload.sub, sid: payload.sid, exp: payload.exp };
    } catch {
      return undefined;
    }
  }
}
