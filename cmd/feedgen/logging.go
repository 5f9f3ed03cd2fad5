package main

import (
	"log/slog"
	"regexp"
	"time"
)

// readableAttr makes log values readable by people as well as machines:
// a duration is "30s", not 30000000000 nanoseconds, and a URL with a query
// (the Jetstream address with its collections and cursor, hundreds of
// characters) is cut to its host and path, in errors too, where the
// network libraries put the whole request URL.
func readableAttr(_ []string, a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindDuration:
		a.Value = slog.StringValue(roundDuration(v.Duration()).String())
	case slog.KindString:
		if s := v.String(); urlWithQuery.MatchString(s) {
			a.Value = slog.StringValue(trimURLs(s))
		}
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			a.Value = slog.StringValue(trimURLs(err.Error()))
		}
	}
	return a
}

// roundDuration drops the digits nobody reads: 30.132616734s is 30.1s.
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Minute:
		return d.Round(time.Second)
	case d >= time.Second:
		return d.Round(100 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d
}

// urlWithQuery matches an absolute URL that carries a query or fragment:
// the host and path are kept (groups 1 and 2).
var urlWithQuery = regexp.MustCompile(`\b(?:https?|wss?)://([^/\s"'?#]+)([^\s"'?#]*)[?#][^\s"']*`)

// trimURLs cuts every URL with a query in s down to its host and path.
func trimURLs(s string) string {
	return urlWithQuery.ReplaceAllString(s, "$1$2")
}
