/**
 * Large text and high contrast, chosen by the citizen at the kiosk for this visit only: the next
 * person (after the idle reset) starts with the usual screen. Applied as attributes on <html>, which
 * accessibility.css turns into CSS variables.
 */
import { useEffect } from 'react';

export interface DisplayModes {
  largeText: boolean;
  highContrast: boolean;
}

export const USUAL_DISPLAY: DisplayModes = { largeText: false, highContrast: false };

export function applyDisplayModes(root: HTMLElement, modes: DisplayModes) {
  if (modes.largeText) root.dataset.text = 'large';
  else delete root.dataset.text;
  if (modes.highContrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
}

export function useDisplayModes(modes: DisplayModes) {
  useEffect(() => {
    const root = document.documentElement;
    applyDisplayModes(root, modes);
    return () => applyDisplayModes(root, USUAL_DISPLAY);
  }, [modes]);
}
