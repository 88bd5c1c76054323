// Reads a PNG's size the way a viewer does: the signature, then width and height from the IHDR chunk.
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error("not a PNG: bad signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk must be IHDR: 4-byte length 13, then the type, then width and height.
  if (view.getUint32(8) !== 13 || Buffer.from(bytes.subarray(12, 16)).toString("latin1") !== "IHDR") throw new Error("not a PNG: IHDR is not first");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
