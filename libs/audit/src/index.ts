export { AuditModule } from './audit.module';
export { AuditTrail, SYSTEM_ACTOR } from './audit-trail.service';
export type { Actor, NewAuditEvent } from './audit-trail.service';
export { AuditEvent } from './audit-event.entity';
export { CreateAuditTrail1732300003000 } from './migrations/1732300003000-create-audit-trail';
