export { createEventService, redacted, redactFor, type EventService } from './event-service';
