export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __maillageTest?: { stop: () => Promise<void> }[] }).__maillageTest ?? [];
  for (const service of services.reverse()) await service.stop();
}
