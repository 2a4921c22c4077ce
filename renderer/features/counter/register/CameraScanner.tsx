/**
 * Reads the căn cước QR with the PC's camera when there is no USB scanner: frames go through
 * jsQR a few times a second until a code is found; the camera is released as soon as the dialog
 * closes. What it finds goes through the same parser as a USB scan. The QR decoder loads with the
 * dialog, not with the screen that offers it (the kiosk's lookup, the counter's form).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type JsQrDefault from 'jsqr';
import './cameraScanner.css';

type JsQr = typeof JsQrDefault;

const FRAME_EVERY_MS = 200;

interface Props {
  onText(text: string): void;
  onClose(): void;
  /** What to hold up to the camera, and how; the căn cước wording by default. */
  title?: string;
  hint?: string;
}

export function CameraScanner({ onText, onClose, title, hint }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const supported = Boolean(navigator.mediaDevices?.getUserMedia);
  const [failure, setProblem] = useState<'denied' | 'unavailable' | null>(null);
  const problem = supported ? failure : 'unavailable';

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let jsQR: JsQr | null = null;
    const decoder = import('jsqr').then((m) => (jsQR = m.default));

    const scan = () => {
      const v = video.current;
      if (stopped || !v || !context) return;
      if (jsQR && v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (code?.data) {
          onText(code.data);
          return;
        }
      }
      timer = window.setTimeout(scan, FRAME_EVERY_MS);
    };

    if (!supported) return;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
        void decoder.then(scan, () => setProblem('unavailable'));
      })
      .catch((e: unknown) => setProblem((e as { name?: string }).name === 'NotAllowedError' ? 'denied' : 'unavailable'));

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onText, supported]);

  return (
    <div className="overlay" role="dialog" aria-labelledby="camera-title" data-testid="camera-scanner">
      <div className="overlay-card camera-card">
        <h2 id="camera-title">{title ?? t('counter.camera.title')}</h2>
        {problem ? <p className="field-error">{t(`counter.camera.${problem}`)}</p> : <p className="muted">{hint ?? t('counter.camera.hint')}</p>}
        <video ref={video} className="camera-video" muted playsInline />
        <button type="button" className="button big" onClick={onClose} data-testid="camera-close">
          {t('counter.camera.close')}
        </button>
      </div>
    </div>
  );
}
