/**
 * The error codes the shell itself reports for the core (beside the core's own), in a module of
 * their own so that plain modules such as `kept-sessions.ts` use them without loading the WASM.
 */

/** Error code returned when the core trapped; the instance has been dropped. */
export const CORE_TRAP = "core_trap";
/** Error code returned when the core could not be reached at all or threw unexpectedly. */
export const CORE_FAILURE = "core_failure";
