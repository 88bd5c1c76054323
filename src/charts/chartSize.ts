/** Every chart is drawn at this size in pixels, so chats show them alike and tests can check it. */
export const chartSize = { width: 800, height: 450 } as const;
