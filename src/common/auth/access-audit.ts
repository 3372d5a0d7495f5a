import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_PROPERTY_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { ACCESS_RULE, AccessRule, FIELD_ACCESS, FieldAccess } from './access-rules';

export interface FieldResolverRule {
  resolver: string;
  field: string;
  access: FieldAccess | undefined;
}

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
  fieldResolvers: FieldResolverRule[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    this.rootFields = this.collect();
    this.fieldResolvers = this.collectFieldResolvers();
    const undeclared = this.fieldResolvers.filter((field) => !field.access);
    if (undeclared.length > 0) {
      throw new Error(
        `Field resolvers without @GuardedField or @PublicField: ${undeclared.map((f) => `${f.resolver}.${f.field}`).join(', ')}`,
      );
    }
    const unguarded = this.rootFields.filter((field) => !field.rule);
    if (unguarded.length > 0) {
      throw new Error(
        `Root fields without an access rule (@Public or @Authenticated): ${unguarded.map((f) => f.field).join(', ')}`,
      );
    }
  }

  private collectFieldResolvers(): FieldResolverRule[] {
    const fields: FieldResolverRule[] = [];
    for (const { instance, prototype, method, handler } of this.methods()) {
      if (!Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, handler)) continue;
      fields.push({
        resolver: instance.constructor.name,
        field: (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method,
        access: Reflect.getMetadata(FIELD_ACCESS, prototype[method] as object) as FieldAccess | undefined,
      });
    }
    return fields.sort((a, b) => `${a.resolver}.${a.field}`.localeCompare(`${b.resolver}.${b.field}`));
  }

  private *methods() {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        yield { instance, prototype, method, handler: prototype[method] as object };
      }
    }
  }

  private collect(): RootFieldRule[] {
    const fields: RootFieldRule[] = [];
    for (const { instance, method, handler } of this.methods()) {
      const operation = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
      if (!operation || !ROOT_TYPES.has(operation)) continue;
      const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ??
        Reflect.getMetadata(ACCESS_RULE, instance.constructor)) as AccessRule | undefined;
      fields.push({
        operation,
        field: (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method,
        rule,
      });
    }
    return fields.sort((a, b) => a.field.localeCompare(b.field));
  }
}
