/** Nothing left the machine: WhatsApp was not connected, so sending again later is safe. */
export class WhatsAppNotConnectedError extends Error {
  override readonly name = "WhatsAppNotConnectedError";

  constructor(readonly status: string) {
    super(`WhatsApp is not connected (status: ${status}); the message was not sent`);
  }
}
