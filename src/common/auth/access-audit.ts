import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { ACCESS_RULE, AccessRule } from './access-rules';

export interface RootFieldRule {
  operation: string;
  field: string;
  rule: AccessRule | undefined;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Refuses to start a server in which a query or mutation carries no access rule, so a forgotten
 * decorator is caught by every test run, not by an attacker. (The guard also fails closed.)
 */
@Injectable()
export class AccessAudit implements OnApplicationBootstrap {
  rootFields: RootFieldRule[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    this.rootFields = this.collect();
    const unguarded = this.rootFields.filter((field) => !field.rule);
    if (unguarded.length > 0) {
      throw new Error(
        `Root fields without an access rule (@Public or @Authenticated): ${unguarded.map((f) => f.field).join(', ')}`,
      );
    }
  }

  private collect(): RootFieldRule[] {
    const fields: RootFieldRule[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method] as object;
        const operation = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (!operation || !ROOT_TYPES.has(operation)) continue;
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ??
          Reflect.getMetadata(ACCESS_RULE, instance.constructor)) as AccessRule | undefined;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
        fields.push({ operation, field: name, rule });
      }
    }
    return fields.sort((a, b) => a.field.localeCompare(b.field));
  }
}
