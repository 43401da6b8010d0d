import { useEffect, useRef, useState } from "react";
import { useI18n } from "./i18n.tsx";

/**
 * Reads a QR code with the phone's camera (getUserMedia; server.mjs allows the camera on the
 * check-in page only) and a maintained decoder (jsQR), loaded when the camera is opened. Without a
 * camera, permission or JavaScript the door code is typed instead.
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<"idle" | "scanning" | "unavailable">("idle");
  const [supported, setSupported] = useState(false);

  useEffect(() => {
    setSupported(typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia));
    return () => stop();
  }, []);

  function stop() {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  }

  async function start() {
    try {
      const [{ default: jsQR }, media] = await Promise.all([import("jsqr"), navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })]);
      stream.current = media;
      setState("scanning");
      const element = video.current!;
      element.srcObject = media;
      await element.play();
      const canvas = document.createElement("canvas");
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      const frame = () => {
        if (!stream.current) return;
        if (element.readyState >= element.HAVE_ENOUGH_DATA) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0, canvas.width, canvas.height);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
          if (code?.data) {
            stop();
            setState("idle");
            onCode(code.data);
            return;
          }
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    } catch {
      stop();
      setState("unavailable");
    }
  }

  if (!supported) return null;
  return (
    <div className="qr-scanner">
      {state === "scanning" ? (
        <button
          type="button"
          onClick={() => {
            stop();
            setState("idle");
          }}
        >
          {t("invitations.door.stopScan")}
        </button>
      ) : (
        <button type="button" onClick={() => void start()}>
          {t("invitations.door.scan")}
        </button>
      )}
      {state === "unavailable" ? <p role="alert">{t("invitations.door.noCamera")}</p> : null}
      <video ref={video} hidden={state !== "scanning"} muted playsInline aria-label={t("invitations.door.camera")} />
    </div>
  );
}
