import { useEffect, useState } from 'react';

/** The current time, re-rendering every `everyMs`: running clocks on boards. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** 75 -> "1:15", 3725 -> "1:02:05", negative -> "-0:12". */
export function formatClock(totalSeconds: number): string {
  const s = Math.floor(Math.abs(totalSeconds));
  // Less than a second either way is 0:00: a browser clock a little behind the server's must not show "-0:00".
  const sign = totalSeconds < 0 && s > 0 ? '-' : '';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${sec}` : `${sign}${m}:${sec}`;
}

export function secondsSince(iso: string, now: number): number {
  return (now - Date.parse(iso)) / 1000;
}

export function formatTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A time zone by its name in the user's language ("Central European Time", "中欧时间"), not its IANA id; the id if the browser has no name for it. */
export function zoneName(timeZone: string, lang: string): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
