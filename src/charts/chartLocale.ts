// d3's number and date formats for the chart axes, per language (vega takes d3 locale definitions).
import type { Locale } from "vega";

type ChartLocale = Required<Locale>;

const indonesian: ChartLocale = {
  number: { decimal: ",", thousands: ".", grouping: [3], currency: ["Rp", ""] },
  time: {
    dateTime: "%A, %e %B %Y pukul %H.%M.%S",
    date: "%d/%m/%Y",
    time: "%H.%M.%S",
    periods: ["AM", "PM"],
    days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    shortDays: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  },
};

const english: ChartLocale = {
  number: { decimal: ".", thousands: ",", grouping: [3], currency: ["$", ""] },
  time: {
    dateTime: "%a %e %b %X %Y",
    date: "%d/%m/%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

export function chartLocale(language: string): Locale {
  return language === "id" ? indonesian : english;
}
