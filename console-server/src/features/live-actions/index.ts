export { actionRoutes } from './action-routes';
export { createLiveActionService, type LiveActionService } from './action-service';
export { createReplyListener } from './reply-listener';
export { createLateActionDelivery } from './late-delivery';
