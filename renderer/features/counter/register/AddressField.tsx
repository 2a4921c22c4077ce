/**
 * The registration form's address: the clerk types the address as the citizen says it (house,
 * village, then the commune, old or new, tones optional) and picks the new commune from the list
 * that completes it; an old name shows where it is now, a split one every commune it went to. The
 * text is kept as typed, the picked commune beside it. The table loads on the first focus, never
 * with the form. A WAI-ARIA combobox: arrows and Enter, or a tap.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitNameInSentence } from '../../../../shared/address/adminUnits.ts';
import type { AddressHit } from '../../../../shared/address/addressMatcher.ts';
import { addressSuggestions, flatOptions, MIN_QUERY_LETTERS, type AddressOption } from '../../../../shared/address/addressSuggestions.ts';
import { addressUnitLine, type AddressUnit, type CommuneDirectory } from '../../../../shared/address/addressUnit.ts';
import type { MotcuaDb } from '../../../data/db.ts';
import { useAddressMatcher } from '../../address/useAddressMatcher.ts';
import { prefetchAdminUnits } from './prefetchAdminUnits.ts';
import './addressField.css';

interface Props {
  db: MotcuaDb;
  serverUrl: string;
  text: string;
  unit: AddressUnit | null;
  onTextChange(text: string): void;
  onUnitChange(unit: AddressUnit | null): void;
  /** Told once the table is open, so the form checks a picked unit against it. */
  onCommunes?(communes: CommuneDirectory): void;
  /** The field's message (rendered by the form), with its id for aria-describedby. */
  error?: { id: string; node: React.ReactNode } | null;
  className?: string;
}

/** The list's tallest, and the height below which it would rather open upward (pixels). */
const LIST_MAX_HEIGHT = 420;
const LIST_COMFORTABLE_HEIGHT = 260;
/** Room the counter's fixed header or status bar may take at either edge of the window. */
const SCREEN_EDGE_BARS = 120;

/** "Xã Yên Thành (cũ), huyện Yên Mô, tỉnh Ninh Bình": the old unit as the issue words it. */
function oldPlace(old: NonNullable<AddressHit['old']>): { name: string; context: string } {
  const context = [old.district ? unitNameInSentence(old.district) : null, old.province ? unitNameInSentence(old.province) : null].filter(Boolean).join(', ');
  return { name: old.name, context };
}

export function AddressField({ db, serverUrl, text, unit, onTextChange, onUnitChange, onCommunes, error, className = 'field' }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-options`;
  const statusId = `${id}-status`;
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  /** The option the arrow keys are on; -1: none (Enter then does nothing, so a scanner's burst never picks one). */
  const [active, setActive] = useState(-1);
  const [pickedFrom, setPickedFrom] = useState<AddressOption['old']>(null);
  const state = useAddressMatcher(db, serverUrl, wanted);
  const inputRef = useRef<HTMLInputElement>(null);
  const fieldRef = useRef<HTMLDivElement>(null);
  /** Brings the whole field (box, picked commune, the line saying how it is stored) above the status bar. */
  const revealField = () => requestAnimationFrame(() => fieldRef.current?.scrollIntoView({ block: 'nearest' }));

  useEffect(() => prefetchAdminUnits(db, serverUrl), [db, serverUrl]);
  useEffect(() => {
    if (state.phase === 'ready') onCommunes?.(state.communes);
  }, [state, onCommunes]);

  const groups = useMemo(() => (state.phase === 'ready' ? addressSuggestions(state.matcher, text) : []), [state, text]);
  const options = useMemo(() => flatOptions(groups), [groups]);
  const shown = open && options.length > 0;
  const activeOption = shown && active >= 0 ? options[Math.min(active, options.length - 1)] : undefined;
  const optionId = (o: AddressOption) => `${id}-option-${o.id}`;
  const activeId = activeOption ? optionId(activeOption) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  // The field sits low on a 768-pixel screen: the list opens upward when there is more room there.
  const [placement, setPlacement] = useState<{ above: boolean; maxHeight: number }>({ above: false, maxHeight: LIST_MAX_HEIGHT });
  useLayoutEffect(() => {
    if (!shown || !inputRef.current) return;
    const box = inputRef.current.getBoundingClientRect();
    const below = window.innerHeight - box.bottom - SCREEN_EDGE_BARS;
    const above = box.top - SCREEN_EDGE_BARS;
    const up = below < LIST_COMFORTABLE_HEIGHT && above > below;
    const next = { above: up, maxHeight: Math.max(LIST_COMFORTABLE_HEIGHT / 2, Math.min(LIST_MAX_HEIGHT, up ? above : below)) };
    // Measured before paint, so the list never flickers from one side to the other.
    setPlacement((p) => (p.above === next.above && p.maxHeight === next.maxHeight ? p : next));
  }, [shown, text]);

  const pick = (o: AddressOption) => {
    onUnitChange(o.unit);
    setPickedFrom(o.old);
    setOpen(false);
    inputRef.current?.focus();
    revealField();
  };
  const clear = () => {
    onUnitChange(null);
    setPickedFrom(null);
    setOpen(true);
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown) {
        setOpen(true);
        setActive(-1);
        return;
      }
      const down = e.key === 'ArrowDown';
      setActive((a) => (a < 0 ? (down ? 0 : options.length - 1) : (Math.min(a, options.length - 1) + (down ? 1 : -1) + options.length) % options.length));
    } else if (e.key === 'Enter' && activeOption) {
      e.preventDefault();
      pick(activeOption);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  let status: string | null = null;
  if (!unit && text.trim() !== '') {
    if (state.phase === 'loading') status = t('addressField.loading');
    else if (state.phase === 'unavailable') status = t('addressField.unavailable');
    else if (state.phase === 'ready' && letters >= MIN_QUERY_LETTERS && options.length === 0) status = t('addressField.none');
    else status = t('addressField.textOnly');
  }

  const option = (o: AddressOption, partOfSplit: boolean) => {
    const selected = o === activeOption;
    let body;
    if (!o.old) {
      body = (
        <>
          <strong>{addressUnitLine(o.unit)}</strong> <span className="address-option-note">{t('addressField.newNote')}</span>
        </>
      );
    } else if (partOfSplit) {
      body = <strong>{t('addressField.splitPart', { unit: addressUnitLine(o.unit) })}</strong>;
    } else {
      const was = oldPlace(o.old);
      body = (
        <>
          <span className="address-option-was">{t(was.context ? 'addressField.was' : 'addressField.wasBare', { name: was.name, context: was.context })}</span>{' '}
          <strong>{t('addressField.nowIs', { unit: addressUnitLine(o.unit) })}</strong>
        </>
      );
    }
    return (
      <div
        key={o.id}
        id={optionId(o)}
        role="option"
        aria-selected={selected}
        className={`address-option${selected ? ' active' : ''}`}
        data-testid="address-option"
        data-code={o.unit.code}
        // Keep the focus in the box: a tap picks without closing the list first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => pick(o)}
      >
        {body}
      </div>
    );
  };

  const describedBy = [statusId, error?.id].filter(Boolean).join(' ');
  return (
    <div ref={fieldRef} className={`${className} address-field`} data-testid="address-field">
      <label htmlFor={inputId}>{t('addressField.label')}</label>
      <div className="address-combo">
        <input
          ref={inputRef}
          id={inputId}
          className="input"
          data-testid="address"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          placeholder={t('addressField.hint')}
          value={text}
          onFocus={() => {
            setWanted(true);
            revealField();
          }}
          onChange={(e) => {
            onTextChange(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <div id={listId} role="listbox" aria-label={t('addressField.suggestions')} className={`address-options${placement.above ? ' above' : ''}`}
          style={{ maxHeight: placement.maxHeight }}
          data-testid="address-options"
          data-placement={placement.above ? 'above' : 'below'}
          hidden={!shown}
        >
          {shown &&
            groups.map((g) =>
              g.old?.split ? (
                <div key={g.id} role="group" aria-labelledby={`${id}-group-${g.id}`} className="address-group" data-testid="address-split">
                  <div id={`${id}-group-${g.id}`} role="presentation" className="address-group-head">
                    {t('addressField.splitInto', { count: g.options.length, place: [g.old.name, oldPlace(g.old).context].filter(Boolean).join(', ') })}
                  </div>
                  {g.options.map((o) => option(o, true))}
                </div>
              ) : (
                option(g.options[0]!, false)
              ),
            )}
        </div>
      </div>
      {unit && (
        <div className="address-chosen" data-testid="address-unit" data-code={unit.code}>
          <span>
            <strong>{t('addressField.chosen', { unit: addressUnitLine(unit) })}</strong>
            {pickedFrom && (
              <span className="muted small"> · {t('addressField.chosenFrom', { place: [pickedFrom.name, oldPlace(pickedFrom).context].filter(Boolean).join(', ') })}</span>
            )}
          </span>
          <button type="button" className="button" onClick={clear} data-testid="address-unit-clear">
            {t('addressField.clear')}
          </button>
        </div>
      )}
      <p id={statusId} className="muted small address-status" role="status" data-testid="address-status">
        {status}
      </p>
      {error?.node}
    </div>
  );
}
