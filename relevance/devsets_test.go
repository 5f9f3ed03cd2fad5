package relevance

import (
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/scpeace/feedgen/model"
)

// TestLabelledSetsHoldTheirFigures is a regression guard on the labelled
// sets of testdata: each keeps at most the mistakes it had when the rules
// were last tuned (issue 11, third round). A rule change that costs a post
// on any of them fails here; one that gains a post should lower the bound.
//
// bsky9-tune is the tune half of 990 Bluesky-style posts in nine languages
// that an independent expert wrote for this project without seeing the
// rules (testdata/bsky9-tune.README.md); its other half is kept back by the
// lead to measure the rules blind. Its two misses are bare replies that
// name no place ("exactly, and without the border gate 'normalisation' is a
// photo op"): on the network they come as replies under a post that is in,
// and get the thread bonus.
func TestLabelledSetsHoldTheirFigures(t *testing.T) {
	c := mustBuiltin(t)
	tests := []struct {
		name, events, labels string
		// expert: the first post's author is in the expert tier.
		expert       bool
		maxFP, maxFN int
	}{
		{"devset", "testdata/devset.jsonl", "testdata/devset.labels.jsonl", false, 0, 0},
		{"seed thread, analyst as expert", "testdata/seed-posts.jsonl", "testdata/seed-posts.labels.jsonl", true, 0, 0},
		{"bsky9 tune half", "testdata/bsky9-tune.jsonl", "testdata/bsky9-tune.labels.jsonl", false, 0, 2},
		// rt420 (testdata/rt420.README.md): real-text genres by a second
		// independent writer, measured blind once, then tuned on. One of
		// its false positives is Uruguay's 1965 recognition of the genocide
		// in Spanish, which it labels history and the third writer (rt3)
		// labels in; the rules judge it as they judge the English and
		// Russian sentences (in).
		{"rt420", "testdata/rt420.jsonl", "testdata/rt420.labels.jsonl", false, 4, 1},
		// rt3 (testdata/rt3.README.md): a third independent writer, the
		// real-text genres in ten languages, measured blind once, then
		// tuned on.
		{"rt3", "testdata/rt3.jsonl", "testdata/rt3.labels.jsonl", false, 3, 3},
		// rt4 (testdata/rt4.README.md): a fourth writer, every genre in
		// both classes, measured blind once, then tuned on.
		{"rt4", "testdata/rt4.jsonl", "testdata/rt4.labels.jsonl", false, 0, 5},
		// rt5 (testdata/rt5.README.md): a fifth writer, measured blind
		// once with the seventh round's final rules, then tuned on.
		{"rt5", "testdata/rt5.jsonl", "testdata/rt5.labels.jsonl", false, 0, 5},
		// rt6 to rt21 (testdata/rt6.README.md ...): fifteen writers of
		// issue 11's eighth round, Bluesky-style posts (rt6, rt7, rt9,
		// rt10, rt12, rt13, rt15, rt17, rt18, rt20, rt21) and the real-text
		// genres (rt8, rt11, rt14, rt16), each measured blind once, then
		// tuned on.
		{"rt6", "testdata/rt6.jsonl", "testdata/rt6.labels.jsonl", false, 0, 0},
		{"rt7", "testdata/rt7.jsonl", "testdata/rt7.labels.jsonl", false, 3, 6},
		// rt8 labels a review of the film Tangerines (set in the Abkhaz
		// war) in, as borderline; three writers of the ninth round label
		// the same film's reviews out, and the rules follow them.
		{"rt8", "testdata/rt8.jsonl", "testdata/rt8.labels.jsonl", false, 1, 2},
		{"rt9", "testdata/rt9.jsonl", "testdata/rt9.labels.jsonl", false, 5, 0},
		{"rt10", "testdata/rt10.jsonl", "testdata/rt10.labels.jsonl", false, 1, 2},
		{"rt11", "testdata/rt11.jsonl", "testdata/rt11.labels.jsonl", false, 1, 2},
		{"rt12", "testdata/rt12.jsonl", "testdata/rt12.labels.jsonl", false, 1, 1},
		{"rt13", "testdata/rt13.jsonl", "testdata/rt13.labels.jsonl", false, 0, 1},
		{"rt14", "testdata/rt14.jsonl", "testdata/rt14.labels.jsonl", false, 0, 6},
		{"rt15", "testdata/rt15.jsonl", "testdata/rt15.labels.jsonl", false, 1, 1},
		{"rt16", "testdata/rt16.jsonl", "testdata/rt16.labels.jsonl", false, 0, 3},
		{"rt17", "testdata/rt17.jsonl", "testdata/rt17.labels.jsonl", false, 0, 5},
		{"rt18", "testdata/rt18.jsonl", "testdata/rt18.labels.jsonl", false, 0, 16},
		{"rt20", "testdata/rt20.jsonl", "testdata/rt20.labels.jsonl", false, 6, 45},
		{"rt21", "testdata/rt21.jsonl", "testdata/rt21.labels.jsonl", false, 1, 1},
		// rt19, rt22 to rt30, rt32, rt33 and rt36 to rt38
		// (testdata/rt19.README.md ...): fifteen writers of issue 11's ninth
		// round (rt19 kept blind since the eighth), Bluesky-style posts
		// (rt19, rt22, rt23, rt25, rt26, rt27, rt32, rt33, rt36, rt37, rt38)
		// and the real-text genres (rt24, rt28, rt29, rt30), each measured
		// blind once, then tuned on.
		{"rt19", "testdata/rt19.jsonl", "testdata/rt19.labels.jsonl", false, 1, 1},
		{"rt22", "testdata/rt22.jsonl", "testdata/rt22.labels.jsonl", false, 0, 3},
		{"rt23", "testdata/rt23.jsonl", "testdata/rt23.labels.jsonl", false, 0, 14},
		{"rt24", "testdata/rt24.jsonl", "testdata/rt24.labels.jsonl", false, 0, 5},
		{"rt25", "testdata/rt25.jsonl", "testdata/rt25.labels.jsonl", false, 0, 6},
		{"rt26", "testdata/rt26.jsonl", "testdata/rt26.labels.jsonl", false, 1, 5},
		{"rt27", "testdata/rt27.jsonl", "testdata/rt27.labels.jsonl", false, 1, 10},
		{"rt28", "testdata/rt28.jsonl", "testdata/rt28.labels.jsonl", false, 4, 6},
		{"rt29", "testdata/rt29.jsonl", "testdata/rt29.labels.jsonl", false, 3, 5},
		{"rt30", "testdata/rt30.jsonl", "testdata/rt30.labels.jsonl", false, 16, 6},
		{"rt32", "testdata/rt32.jsonl", "testdata/rt32.labels.jsonl", false, 5, 8},
		{"rt33", "testdata/rt33.jsonl", "testdata/rt33.labels.jsonl", false, 0, 7},
		{"rt36", "testdata/rt36.jsonl", "testdata/rt36.labels.jsonl", false, 0, 4},
		{"rt37", "testdata/rt37.jsonl", "testdata/rt37.labels.jsonl", false, 2, 2},
		{"rt38", "testdata/rt38.jsonl", "testdata/rt38.labels.jsonl", false, 0, 0},
		// rt31, rt34 and rt35 (kept unread since the ninth round) and rt39 to
		// rt59 (testdata/rt39.README.md ...): twenty-four writers' sets of issue
		// 11's tenth round, each measured blind once, then read and tuned on.
		// rt44 is reference and history; its writer labels out the histories
		// of 1813-1924 that the corpus's labels call past politics, and the
		// rules follow the corpus.
		{"rt31", "testdata/rt31.jsonl", "testdata/rt31.labels.jsonl", false, 0, 3},
		{"rt34", "testdata/rt34.jsonl", "testdata/rt34.labels.jsonl", false, 0, 4},
		{"rt35", "testdata/rt35.jsonl", "testdata/rt35.labels.jsonl", false, 0, 4},
		{"rt39", "testdata/rt39.jsonl", "testdata/rt39.labels.jsonl", false, 0, 0},
		{"rt40", "testdata/rt40.jsonl", "testdata/rt40.labels.jsonl", false, 2, 1},
		{"rt41", "testdata/rt41.jsonl", "testdata/rt41.labels.jsonl", false, 1, 5},
		{"rt42", "testdata/rt42.jsonl", "testdata/rt42.labels.jsonl", false, 2, 1},
		{"rt43", "testdata/rt43.jsonl", "testdata/rt43.labels.jsonl", false, 1, 9},
		{"rt44", "testdata/rt44.jsonl", "testdata/rt44.labels.jsonl", false, 34, 2},
		{"rt45", "testdata/rt45.jsonl", "testdata/rt45.labels.jsonl", false, 0, 0},
		{"rt46", "testdata/rt46.jsonl", "testdata/rt46.labels.jsonl", false, 1, 1},
		{"rt47", "testdata/rt47.jsonl", "testdata/rt47.labels.jsonl", false, 4, 2},
		{"rt48", "testdata/rt48.jsonl", "testdata/rt48.labels.jsonl", false, 1, 1},
		{"rt49", "testdata/rt49.jsonl", "testdata/rt49.labels.jsonl", false, 0, 3},
		{"rt50", "testdata/rt50.jsonl", "testdata/rt50.labels.jsonl", false, 1, 1},
		{"rt51", "testdata/rt51.jsonl", "testdata/rt51.labels.jsonl", false, 2, 2},
		{"rt52", "testdata/rt52.jsonl", "testdata/rt52.labels.jsonl", false, 0, 3},
		{"rt53", "testdata/rt53.jsonl", "testdata/rt53.labels.jsonl", false, 4, 0},
		{"rt54", "testdata/rt54.jsonl", "testdata/rt54.labels.jsonl", false, 0, 1},
		{"rt55", "testdata/rt55.jsonl", "testdata/rt55.labels.jsonl", false, 3, 11},
		{"rt56", "testdata/rt56.jsonl", "testdata/rt56.labels.jsonl", false, 3, 2},
		{"rt57", "testdata/rt57.jsonl", "testdata/rt57.labels.jsonl", false, 0, 2},
		{"rt58", "testdata/rt58.jsonl", "testdata/rt58.labels.jsonl", false, 4, 0},
		{"rt59", "testdata/rt59.jsonl", "testdata/rt59.labels.jsonl", false, 8, 4},
		// rt60 to rt62 (measured once with the tenth round's final rules and
		// kept unread until the eleventh round) and rt66 to rt68 (the eleventh
		// round's development sets, each measured blind once): read and tuned
		// on in issue 11's eleventh round.
		{"rt60", "testdata/rt60.jsonl", "testdata/rt60.labels.jsonl", false, 0, 2},
		{"rt61", "testdata/rt61.jsonl", "testdata/rt61.labels.jsonl", false, 0, 1},
		{"rt62", "testdata/rt62.jsonl", "testdata/rt62.labels.jsonl", false, 3, 1},
		{"rt66", "testdata/rt66.jsonl", "testdata/rt66.labels.jsonl", false, 0, 5},
		{"rt67", "testdata/rt67.jsonl", "testdata/rt67.labels.jsonl", false, 1, 2},
		{"rt68", "testdata/rt68.jsonl", "testdata/rt68.labels.jsonl", false, 1, 2},
		// rt63 to rt65 (kept unread for the round's first estimate) and rt69 to
		// rt71, rt75 to rt89 (the round's later development sets), each
		// measured blind once, then read and tuned on in issue 11's eleventh
		// round.
		{"rt63", "testdata/rt63.jsonl", "testdata/rt63.labels.jsonl", false, 0, 1},
		{"rt64", "testdata/rt64.jsonl", "testdata/rt64.labels.jsonl", false, 0, 4},
		{"rt65", "testdata/rt65.jsonl", "testdata/rt65.labels.jsonl", false, 2, 0},
		{"rt69", "testdata/rt69.jsonl", "testdata/rt69.labels.jsonl", false, 1, 3},
		{"rt70", "testdata/rt70.jsonl", "testdata/rt70.labels.jsonl", false, 0, 1},
		{"rt71", "testdata/rt71.jsonl", "testdata/rt71.labels.jsonl", false, 2, 1},
		{"rt75", "testdata/rt75.jsonl", "testdata/rt75.labels.jsonl", false, 0, 1},
		// Round 31: its second false positive is a borderline post about Russian
		// spoken in Baku "since Sputnik was closed": the bureaus class counts it.
		{"rt76", "testdata/rt76.jsonl", "testdata/rt76.labels.jsonl", false, 2, 6},
		{"rt77", "testdata/rt77.jsonl", "testdata/rt77.labels.jsonl", false, 0, 0},
		{"rt78", "testdata/rt78.jsonl", "testdata/rt78.labels.jsonl", false, 0, 1},
		{"rt79", "testdata/rt79.jsonl", "testdata/rt79.labels.jsonl", false, 0, 2},
		{"rt80", "testdata/rt80.jsonl", "testdata/rt80.labels.jsonl", false, 0, 9},
		{"rt81", "testdata/rt81.jsonl", "testdata/rt81.labels.jsonl", false, 7, 0},
		{"rt82", "testdata/rt82.jsonl", "testdata/rt82.labels.jsonl", false, 2, 4},
		{"rt83", "testdata/rt83.jsonl", "testdata/rt83.labels.jsonl", false, 0, 0},
		{"rt84", "testdata/rt84.jsonl", "testdata/rt84.labels.jsonl", false, 0, 4},
		{"rt85", "testdata/rt85.jsonl", "testdata/rt85.labels.jsonl", false, 3, 2},
		{"rt86", "testdata/rt86.jsonl", "testdata/rt86.labels.jsonl", false, 1, 1},
		{"rt87", "testdata/rt87.jsonl", "testdata/rt87.labels.jsonl", false, 0, 2},
		{"rt88", "testdata/rt88.jsonl", "testdata/rt88.labels.jsonl", false, 0, 4},
		{"rt89", "testdata/rt89.jsonl", "testdata/rt89.labels.jsonl", false, 1, 0},
		// rt72 to rt74 (measured once with the eleventh round's final rules and
		// kept unread until the twelfth round) and rt90 to rt94 (the twelfth
		// round's development sets, each measured blind once): read and tuned on
		// in issue 11's twelfth round.
		{"rt72", "testdata/rt72.jsonl", "testdata/rt72.labels.jsonl", false, 0, 1},
		{"rt73", "testdata/rt73.jsonl", "testdata/rt73.labels.jsonl", false, 0, 7},
		{"rt74", "testdata/rt74.jsonl", "testdata/rt74.labels.jsonl", false, 1, 0},
		{"rt90", "testdata/rt90.jsonl", "testdata/rt90.labels.jsonl", false, 0, 1},
		{"rt91", "testdata/rt91.jsonl", "testdata/rt91.labels.jsonl", false, 1, 0},
		{"rt92", "testdata/rt92.jsonl", "testdata/rt92.labels.jsonl", false, 0, 4},
		{"rt93", "testdata/rt93.jsonl", "testdata/rt93.labels.jsonl", false, 0, 4},
		{"rt94", "testdata/rt94.jsonl", "testdata/rt94.labels.jsonl", false, 0, 4},
		// rt95 to rt97 (kept unread through the twelfth round's first half,
		// measured blind with the eleventh round's and the twelfth's rules) and
		// rt98 to rt102 (the round's later development sets, each measured
		// blind once): read and tuned on in issue 11's twelfth round. rt103 to
		// rt105 stay outside the repository, never read, for the next round.
		{"rt95", "testdata/rt95.jsonl", "testdata/rt95.labels.jsonl", false, 0, 1},
		{"rt96", "testdata/rt96.jsonl", "testdata/rt96.labels.jsonl", false, 0, 5},
		{"rt97", "testdata/rt97.jsonl", "testdata/rt97.labels.jsonl", false, 1, 1},
		{"rt98", "testdata/rt98.jsonl", "testdata/rt98.labels.jsonl", false, 2, 13},
		{"rt99", "testdata/rt99.jsonl", "testdata/rt99.labels.jsonl", false, 3, 1},
		{"rt100", "testdata/rt100.jsonl", "testdata/rt100.labels.jsonl", false, 0, 2},
		{"rt101", "testdata/rt101.jsonl", "testdata/rt101.labels.jsonl", false, 2, 2},
		{"rt102", "testdata/rt102.jsonl", "testdata/rt102.labels.jsonl", false, 0, 6},
		// rt112 to rt114 (testdata/rt112.README.md ...): writers of issue 11's
		// fourteenth round in eight languages the rules had no forms for
		// (and Ukrainian), each measured blind once, then read and tuned
		// on; rt116, the eight languages, measured blind with the round's
		// later rules, then read. rt115: the nine languages under a
		// different brief (the feed's description only, real traffic's
		// mix), measured blind.
		{"rt112", "testdata/rt112.jsonl", "testdata/rt112.labels.jsonl", false, 0, 6},
		{"rt113", "testdata/rt113.jsonl", "testdata/rt113.labels.jsonl", false, 3, 5},
		{"rt114", "testdata/rt114.jsonl", "testdata/rt114.labels.jsonl", false, 1, 11},
		{"rt115", "testdata/rt115.jsonl", "testdata/rt115.labels.jsonl", false, 1, 0},
		{"rt116", "testdata/rt116.jsonl", "testdata/rt116.labels.jsonl", false, 1, 7},
		// rt103 to rt111 (issue 11's twelfth round, the nine languages) and
		// rt117 to rt119 (the fourteenth's, the eight newer languages) were
		// kept unread and measured whole; rt120 to rt124 were written blind
		// in the fifteenth round and measured once. All were read in the
		// fifteenth round and tuned on (testdata/rt103.README.md ...).
		// rt125 to rt127 were measured once with the round's rules of
		// bbb53db, rt128 to rt130 once with those of ec74ed9; then read.
		{"rt103", "testdata/rt103.jsonl", "testdata/rt103.labels.jsonl", false, 0, 3},
		{"rt104", "testdata/rt104.jsonl", "testdata/rt104.labels.jsonl", false, 1, 9},
		{"rt105", "testdata/rt105.jsonl", "testdata/rt105.labels.jsonl", false, 1, 3},
		{"rt106", "testdata/rt106.jsonl", "testdata/rt106.labels.jsonl", false, 0, 2},
		{"rt107", "testdata/rt107.jsonl", "testdata/rt107.labels.jsonl", false, 2, 0},
		{"rt108", "testdata/rt108.jsonl", "testdata/rt108.labels.jsonl", false, 1, 2},
		{"rt109", "testdata/rt109.jsonl", "testdata/rt109.labels.jsonl", false, 1, 5},
		{"rt110", "testdata/rt110.jsonl", "testdata/rt110.labels.jsonl", false, 0, 3},
		{"rt111", "testdata/rt111.jsonl", "testdata/rt111.labels.jsonl", false, 1, 2},
		{"rt117", "testdata/rt117.jsonl", "testdata/rt117.labels.jsonl", false, 0, 2},
		{"rt118", "testdata/rt118.jsonl", "testdata/rt118.labels.jsonl", false, 1, 6},
		{"rt119", "testdata/rt119.jsonl", "testdata/rt119.labels.jsonl", false, 3, 2},
		{"rt120", "testdata/rt120.jsonl", "testdata/rt120.labels.jsonl", false, 2, 3},
		{"rt121", "testdata/rt121.jsonl", "testdata/rt121.labels.jsonl", false, 1, 7},
		{"rt122", "testdata/rt122.jsonl", "testdata/rt122.labels.jsonl", false, 0, 3},
		{"rt123", "testdata/rt123.jsonl", "testdata/rt123.labels.jsonl", false, 1, 9},
		{"rt124", "testdata/rt124.jsonl", "testdata/rt124.labels.jsonl", false, 2, 1},
		{"rt125", "testdata/rt125.jsonl", "testdata/rt125.labels.jsonl", false, 1, 10},
		{"rt126", "testdata/rt126.jsonl", "testdata/rt126.labels.jsonl", false, 0, 7},
		{"rt127", "testdata/rt127.jsonl", "testdata/rt127.labels.jsonl", false, 1, 2},
		{"rt128", "testdata/rt128.jsonl", "testdata/rt128.labels.jsonl", false, 0, 1},
		{"rt129", "testdata/rt129.jsonl", "testdata/rt129.labels.jsonl", false, 1, 13},
		{"rt130", "testdata/rt130.jsonl", "testdata/rt130.labels.jsonl", false, 1, 5},
		// rt131 to rt136 (issue 11's sixteenth round) were written blind and
		// measured once with the rules and model of 7bdfbbc; rt137 and rt139
		// once after the round's first two passes, rt138 after its third;
		// then read and tuned on (testdata/rt131.README.md ...).
		{"rt131", "testdata/rt131.jsonl", "testdata/rt131.labels.jsonl", false, 2, 2},
		{"rt132", "testdata/rt132.jsonl", "testdata/rt132.labels.jsonl", false, 0, 10},
		{"rt133", "testdata/rt133.jsonl", "testdata/rt133.labels.jsonl", false, 1, 4},
		{"rt134", "testdata/rt134.jsonl", "testdata/rt134.labels.jsonl", false, 1, 2},
		{"rt135", "testdata/rt135.jsonl", "testdata/rt135.labels.jsonl", false, 0, 3},
		{"rt136", "testdata/rt136.jsonl", "testdata/rt136.labels.jsonl", false, 3, 9},
		{"rt137", "testdata/rt137.jsonl", "testdata/rt137.labels.jsonl", false, 0, 3},
		{"rt138", "testdata/rt138.jsonl", "testdata/rt138.labels.jsonl", false, 0, 6},
		{"rt139", "testdata/rt139.jsonl", "testdata/rt139.labels.jsonl", false, 1, 5},
		// rt140 to rt142 were measured once with the rules and model of
		// 171085a, then read.
		{"rt140", "testdata/rt140.jsonl", "testdata/rt140.labels.jsonl", false, 0, 8},
		{"rt141", "testdata/rt141.jsonl", "testdata/rt141.labels.jsonl", false, 0, 5},
		{"rt142", "testdata/rt142.jsonl", "testdata/rt142.labels.jsonl", false, 0, 6},
		// rt143 to rt146 were measured once with the rules and model of
		// da14da7, then read.
		{"rt143", "testdata/rt143.jsonl", "testdata/rt143.labels.jsonl", false, 1, 4},
		{"rt144", "testdata/rt144.jsonl", "testdata/rt144.labels.jsonl", false, 1, 11},
		{"rt145", "testdata/rt145.jsonl", "testdata/rt145.labels.jsonl", false, 0, 6},
		{"rt146", "testdata/rt146.jsonl", "testdata/rt146.labels.jsonl", false, 0, 1},
		// rt147 to rt151 were measured once with the rules and model of
		// 74c9075, then read.
		{"rt147", "testdata/rt147.jsonl", "testdata/rt147.labels.jsonl", false, 0, 4},
		{"rt148", "testdata/rt148.jsonl", "testdata/rt148.labels.jsonl", false, 0, 6},
		{"rt149", "testdata/rt149.jsonl", "testdata/rt149.labels.jsonl", false, 2, 4},
		{"rt150", "testdata/rt150.jsonl", "testdata/rt150.labels.jsonl", false, 0, 1},
		{"rt151", "testdata/rt151.jsonl", "testdata/rt151.labels.jsonl", false, 3, 0},
		// rt156 to rt159 were measured once with the rules and model of
		// d466b09 (the round's final state then), then read.
		{"rt156", "testdata/rt156.jsonl", "testdata/rt156.labels.jsonl", false, 3, 5},
		{"rt157", "testdata/rt157.jsonl", "testdata/rt157.labels.jsonl", false, 2, 10},
		{"rt158", "testdata/rt158.jsonl", "testdata/rt158.labels.jsonl", false, 0, 8},
		{"rt159", "testdata/rt159.jsonl", "testdata/rt159.labels.jsonl", false, 0, 2},
		// rt152 to rt155 were written at the end of the sixteenth round and
		// kept unread until the seventeenth measured its starting rules on
		// them once; rt160 to rt165 were written blind at the start of the
		// seventeenth and measured once with the same rules (8422b03). Then
		// read and fixed as classes (testdata/rtNNN.README.md).
		{"rt152", "testdata/rt152.jsonl", "testdata/rt152.labels.jsonl", false, 1, 6},
		{"rt153", "testdata/rt153.jsonl", "testdata/rt153.labels.jsonl", false, 1, 14},
		{"rt154", "testdata/rt154.jsonl", "testdata/rt154.labels.jsonl", false, 1, 4},
		{"rt155", "testdata/rt155.jsonl", "testdata/rt155.labels.jsonl", false, 0, 3},
		{"rt160", "testdata/rt160.jsonl", "testdata/rt160.labels.jsonl", false, 0, 3},
		{"rt161", "testdata/rt161.jsonl", "testdata/rt161.labels.jsonl", false, 2, 2},
		{"rt162", "testdata/rt162.jsonl", "testdata/rt162.labels.jsonl", false, 2, 6},
		{"rt163", "testdata/rt163.jsonl", "testdata/rt163.labels.jsonl", false, 0, 5},
		{"rt164", "testdata/rt164.jsonl", "testdata/rt164.labels.jsonl", false, 0, 1},
		{"rt165", "testdata/rt165.jsonl", "testdata/rt165.labels.jsonl", false, 2, 11},
		// rt170 to rt175 were written blind after 2ae282a, measured once
		// with its rules and model, then read and fixed as classes.
		{"rt170", "testdata/rt170.jsonl", "testdata/rt170.labels.jsonl", false, 1, 2},
		{"rt171", "testdata/rt171.jsonl", "testdata/rt171.labels.jsonl", false, 0, 11},
		{"rt172", "testdata/rt172.jsonl", "testdata/rt172.labels.jsonl", false, 0, 2},
		{"rt173", "testdata/rt173.jsonl", "testdata/rt173.labels.jsonl", false, 1, 8},
		{"rt174", "testdata/rt174.jsonl", "testdata/rt174.labels.jsonl", false, 0, 6},
		{"rt175", "testdata/rt175.jsonl", "testdata/rt175.labels.jsonl", false, 1, 6},
		// rt176 to rt181 were written blind after 9cc4344, measured once
		// with its rules and model, then read and fixed as classes.
		{"rt176", "testdata/rt176.jsonl", "testdata/rt176.labels.jsonl", false, 1, 15},
		{"rt177", "testdata/rt177.jsonl", "testdata/rt177.labels.jsonl", false, 1, 1},
		{"rt178", "testdata/rt178.jsonl", "testdata/rt178.labels.jsonl", false, 2, 6},
		{"rt179", "testdata/rt179.jsonl", "testdata/rt179.labels.jsonl", false, 0, 7},
		{"rt180", "testdata/rt180.jsonl", "testdata/rt180.labels.jsonl", false, 1, 1},
		{"rt181", "testdata/rt181.jsonl", "testdata/rt181.labels.jsonl", false, 1, 2},
		// rt166 to rt169 and rt182 to rt185 were written in the seventeenth
		// round and kept unread; measured blind once more at the start of
		// the eighteenth (5c380bb), then read and fixed as classes.
		{"rt166", "testdata/rt166.jsonl", "testdata/rt166.labels.jsonl", false, 0, 5},
		{"rt167", "testdata/rt167.jsonl", "testdata/rt167.labels.jsonl", false, 0, 8},
		{"rt168", "testdata/rt168.jsonl", "testdata/rt168.labels.jsonl", false, 2, 9},
		{"rt169", "testdata/rt169.jsonl", "testdata/rt169.labels.jsonl", false, 0, 1},
		{"rt182", "testdata/rt182.jsonl", "testdata/rt182.labels.jsonl", false, 0, 5},
		{"rt183", "testdata/rt183.jsonl", "testdata/rt183.labels.jsonl", false, 4, 14},
		{"rt184", "testdata/rt184.jsonl", "testdata/rt184.labels.jsonl", false, 0, 5},
		{"rt185", "testdata/rt185.jsonl", "testdata/rt185.labels.jsonl", false, 0, 4},
		// rt188 and rt191 (the newer languages) were written blind in the
		// eighteenth round, measured once with 83d1c53, then read.
		{"rt188", "testdata/rt188.jsonl", "testdata/rt188.labels.jsonl", false, 0, 15},
		{"rt191", "testdata/rt191.jsonl", "testdata/rt191.labels.jsonl", false, 0, 6},
		// rt186, rt187, rt189, rt190, rt192 and rt193 were written in the
		// eighteenth round and kept unread; measured blind once more at the
		// start of the nineteenth (1222344), then read and fixed as classes
		// (not trained on: testdata/untrained.txt).
		{"rt186", "testdata/rt186.jsonl", "testdata/rt186.labels.jsonl", false, 1, 4},
		{"rt187", "testdata/rt187.jsonl", "testdata/rt187.labels.jsonl", false, 3, 7},
		{"rt189", "testdata/rt189.jsonl", "testdata/rt189.labels.jsonl", false, 4, 5},
		{"rt190", "testdata/rt190.jsonl", "testdata/rt190.labels.jsonl", false, 2, 1},
		{"rt192", "testdata/rt192.jsonl", "testdata/rt192.labels.jsonl", false, 0, 14},
		{"rt193", "testdata/rt193.jsonl", "testdata/rt193.labels.jsonl", false, 0, 7},
		// rt194-rt199 were written in the nineteenth round and kept unread;
		// measured blind at the start of the twentieth (bc93597), then read
		// and fixed as classes (not trained on: testdata/untrained.txt).
		{"rt194", "testdata/rt194.jsonl", "testdata/rt194.labels.jsonl", false, 3, 8},
		{"rt195", "testdata/rt195.jsonl", "testdata/rt195.labels.jsonl", false, 0, 16},
		{"rt196", "testdata/rt196.jsonl", "testdata/rt196.labels.jsonl", false, 1, 4},
		{"rt197", "testdata/rt197.jsonl", "testdata/rt197.labels.jsonl", false, 2, 7},
		{"rt198", "testdata/rt198.jsonl", "testdata/rt198.labels.jsonl", false, 1, 8},
		{"rt199", "testdata/rt199.jsonl", "testdata/rt199.labels.jsonl", false, 2, 2},
		// rt200-rt205 were written in the twentieth round and kept unread;
		// measured blind at the start of the twenty-first (1462d01), then
		// read and fixed as classes (not trained on: testdata/untrained.txt).
		{"rt200", "testdata/rt200.jsonl", "testdata/rt200.labels.jsonl", false, 3, 5},
		{"rt201", "testdata/rt201.jsonl", "testdata/rt201.labels.jsonl", false, 3, 14},
		{"rt202", "testdata/rt202.jsonl", "testdata/rt202.labels.jsonl", false, 2, 18},
		{"rt203", "testdata/rt203.jsonl", "testdata/rt203.labels.jsonl", false, 1, 7},
		{"rt204", "testdata/rt204.jsonl", "testdata/rt204.labels.jsonl", false, 1, 12},
		{"rt205", "testdata/rt205.jsonl", "testdata/rt205.labels.jsonl", false, 5, 2},
		// rt206-rt211 were written in the twenty-first round and kept unread;
		// measured blind at the start of the twenty-second (e6ba468), then
		// read and fixed as classes (not trained on: testdata/untrained.txt).
		{"rt206", "testdata/rt206.jsonl", "testdata/rt206.labels.jsonl", false, 0, 3},
		{"rt207", "testdata/rt207.jsonl", "testdata/rt207.labels.jsonl", false, 2, 18},
		{"rt208", "testdata/rt208.jsonl", "testdata/rt208.labels.jsonl", false, 0, 17},
		{"rt209", "testdata/rt209.jsonl", "testdata/rt209.labels.jsonl", false, 1, 6},
		{"rt210", "testdata/rt210.jsonl", "testdata/rt210.labels.jsonl", false, 2, 21},
		{"rt211", "testdata/rt211.jsonl", "testdata/rt211.labels.jsonl", false, 2, 2},
		// rt212-rt217 were written at the start of the twenty-second round,
		// measured blind, then read within it and fixed as classes (not
		// trained on: testdata/untrained.txt).
		{"rt212", "testdata/rt212.jsonl", "testdata/rt212.labels.jsonl", false, 0, 5},
		{"rt213", "testdata/rt213.jsonl", "testdata/rt213.labels.jsonl", false, 0, 23},
		{"rt214", "testdata/rt214.jsonl", "testdata/rt214.labels.jsonl", false, 1, 18},
		{"rt215", "testdata/rt215.jsonl", "testdata/rt215.labels.jsonl", false, 2, 5},
		{"rt216", "testdata/rt216.jsonl", "testdata/rt216.labels.jsonl", false, 1, 25},
		{"rt217", "testdata/rt217.jsonl", "testdata/rt217.labels.jsonl", false, 4, 1},
		// rt218-rt223 were written during the twenty-second round to replace
		// rt212-rt217 as blind sets, measured blind at its start and end, then
		// read within it and fixed as classes (not trained on:
		// testdata/untrained.txt).
		{"rt218", "testdata/rt218.jsonl", "testdata/rt218.labels.jsonl", false, 0, 4},
		{"rt219", "testdata/rt219.jsonl", "testdata/rt219.labels.jsonl", false, 1, 9},
		{"rt220", "testdata/rt220.jsonl", "testdata/rt220.labels.jsonl", false, 0, 30},
		{"rt221", "testdata/rt221.jsonl", "testdata/rt221.labels.jsonl", false, 0, 7},
		{"rt222", "testdata/rt222.jsonl", "testdata/rt222.labels.jsonl", false, 1, 15},
		{"rt223", "testdata/rt223.jsonl", "testdata/rt223.labels.jsonl", false, 1, 0},
		// rt224-rt229 were written late in the twenty-second round, measured
		// blind at its start and after its classes, then read within it (not
		// trained on: testdata/untrained.txt).
		{"rt224", "testdata/rt224.jsonl", "testdata/rt224.labels.jsonl", false, 0, 5},
		{"rt225", "testdata/rt225.jsonl", "testdata/rt225.labels.jsonl", false, 0, 21},
		{"rt226", "testdata/rt226.jsonl", "testdata/rt226.labels.jsonl", false, 1, 23},
		{"rt227", "testdata/rt227.jsonl", "testdata/rt227.labels.jsonl", false, 0, 10},
		{"rt228", "testdata/rt228.jsonl", "testdata/rt228.labels.jsonl", false, 1, 10},
		{"rt229", "testdata/rt229.jsonl", "testdata/rt229.labels.jsonl", false, 3, 1},
		// rt230-rt235 were written at the end of the twenty-second round and
		// kept unread; measured blind again at the twenty-third round's start,
		// then read within it (not trained on: testdata/untrained.txt).
		{"rt230", "testdata/rt230.jsonl", "testdata/rt230.labels.jsonl", false, 1, 5},
		{"rt231", "testdata/rt231.jsonl", "testdata/rt231.labels.jsonl", false, 0, 11},
		{"rt232", "testdata/rt232.jsonl", "testdata/rt232.labels.jsonl", false, 0, 14},
		{"rt233", "testdata/rt233.jsonl", "testdata/rt233.labels.jsonl", false, 1, 6},
		{"rt234", "testdata/rt234.jsonl", "testdata/rt234.labels.jsonl", false, 0, 9},
		{"rt235", "testdata/rt235.jsonl", "testdata/rt235.labels.jsonl", false, 0, 0},
		// rt236-rt241 were written early in the twenty-third round, measured
		// blind at its start and after rt230-rt235's classes, then read
		// within it (not trained on: testdata/untrained.txt).
		{"rt236", "testdata/rt236.jsonl", "testdata/rt236.labels.jsonl", false, 0, 3},
		{"rt237", "testdata/rt237.jsonl", "testdata/rt237.labels.jsonl", false, 0, 28},
		{"rt238", "testdata/rt238.jsonl", "testdata/rt238.labels.jsonl", false, 1, 20},
		{"rt239", "testdata/rt239.jsonl", "testdata/rt239.labels.jsonl", false, 1, 6},
		{"rt240", "testdata/rt240.jsonl", "testdata/rt240.labels.jsonl", false, 0, 15},
		{"rt241", "testdata/rt241.jsonl", "testdata/rt241.labels.jsonl", false, 4, 0},
		// rt242-rt247 were written early in the twenty-third round, measured
		// blind at its start and after rt230-rt241's classes, then read
		// within it (not trained on: testdata/untrained.txt).
		{"rt242", "testdata/rt242.jsonl", "testdata/rt242.labels.jsonl", false, 0, 11},
		{"rt243", "testdata/rt243.jsonl", "testdata/rt243.labels.jsonl", false, 1, 22},
		{"rt244", "testdata/rt244.jsonl", "testdata/rt244.labels.jsonl", false, 2, 14},
		{"rt245", "testdata/rt245.jsonl", "testdata/rt245.labels.jsonl", false, 1, 6},
		{"rt246", "testdata/rt246.jsonl", "testdata/rt246.labels.jsonl", false, 0, 9},
		{"rt247", "testdata/rt247.jsonl", "testdata/rt247.labels.jsonl", false, 4, 0},
		// rt248-rt253 were written during the twenty-third round, measured
		// blind at its start and after rt230-rt247's classes, then read
		// within it (not trained on: testdata/untrained.txt).
		{"rt248", "testdata/rt248.jsonl", "testdata/rt248.labels.jsonl", false, 1, 7},
		{"rt249", "testdata/rt249.jsonl", "testdata/rt249.labels.jsonl", false, 0, 12},
		{"rt250", "testdata/rt250.jsonl", "testdata/rt250.labels.jsonl", false, 0, 14},
		{"rt251", "testdata/rt251.jsonl", "testdata/rt251.labels.jsonl", false, 1, 7},
		{"rt252", "testdata/rt252.jsonl", "testdata/rt252.labels.jsonl", false, 0, 23},
		{"rt253", "testdata/rt253.jsonl", "testdata/rt253.labels.jsonl", false, 0, 0},
		// rt254-rt259 were written at the end of the twenty-third round, kept
		// unread and measured blind at its start and end, then read in the
		// twenty-fourth (not trained on: testdata/untrained.txt).
		{"rt254", "testdata/rt254.jsonl", "testdata/rt254.labels.jsonl", false, 1, 4},
		{"rt255", "testdata/rt255.jsonl", "testdata/rt255.labels.jsonl", false, 2, 8},
		{"rt256", "testdata/rt256.jsonl", "testdata/rt256.labels.jsonl", false, 0, 0},
		{"rt257", "testdata/rt257.jsonl", "testdata/rt257.labels.jsonl", false, 0, 5},
		{"rt258", "testdata/rt258.jsonl", "testdata/rt258.labels.jsonl", false, 0, 2},
		{"rt259", "testdata/rt259.jsonl", "testdata/rt259.labels.jsonl", false, 1, 2},
		// rt260-rt265 were written at the start of the twenty-fourth round,
		// measured blind, then read within it (not trained on:
		// testdata/untrained.txt).
		{"rt260", "testdata/rt260.jsonl", "testdata/rt260.labels.jsonl", false, 1, 10},
		{"rt261", "testdata/rt261.jsonl", "testdata/rt261.labels.jsonl", false, 0, 15},
		{"rt262", "testdata/rt262.jsonl", "testdata/rt262.labels.jsonl", false, 1, 8},
		{"rt263", "testdata/rt263.jsonl", "testdata/rt263.labels.jsonl", false, 1, 5},
		{"rt264", "testdata/rt264.jsonl", "testdata/rt264.labels.jsonl", false, 0, 11},
		{"rt265", "testdata/rt265.jsonl", "testdata/rt265.labels.jsonl", false, 3, 2},
		// rt266-rt271 were written in the middle of the twenty-fourth round,
		// measured blind, then read within it (not trained on:
		// testdata/untrained.txt).
		{"rt266", "testdata/rt266.jsonl", "testdata/rt266.labels.jsonl", false, 2, 9},
		{"rt267", "testdata/rt267.jsonl", "testdata/rt267.labels.jsonl", false, 0, 10},
		{"rt268", "testdata/rt268.jsonl", "testdata/rt268.labels.jsonl", false, 1, 7},
		{"rt269", "testdata/rt269.jsonl", "testdata/rt269.labels.jsonl", false, 0, 7},
		{"rt270", "testdata/rt270.jsonl", "testdata/rt270.labels.jsonl", false, 0, 3},
		{"rt271", "testdata/rt271.jsonl", "testdata/rt271.labels.jsonl", false, 1, 1},
		// rt272-rt277 were written late in the twenty-fourth round, measured
		// blind in it and at the twenty-fifth's start, then read in the
		// twenty-fifth (not trained on: testdata/untrained.txt).
		{"rt272", "testdata/rt272.jsonl", "testdata/rt272.labels.jsonl", false, 1, 3},
		{"rt273", "testdata/rt273.jsonl", "testdata/rt273.labels.jsonl", false, 0, 19},
		{"rt274", "testdata/rt274.jsonl", "testdata/rt274.labels.jsonl", false, 0, 15},
		{"rt275", "testdata/rt275.jsonl", "testdata/rt275.labels.jsonl", false, 0, 6},
		{"rt276", "testdata/rt276.jsonl", "testdata/rt276.labels.jsonl", false, 4, 20},
		{"rt277", "testdata/rt277.jsonl", "testdata/rt277.labels.jsonl", false, 0, 3},
		// rt278-rt283 were written early in the twenty-fifth round, measured
		// blind, then read within it (not trained on: testdata/untrained.txt).
		{"rt278", "testdata/rt278.jsonl", "testdata/rt278.labels.jsonl", false, 2, 13},
		{"rt279", "testdata/rt279.jsonl", "testdata/rt279.labels.jsonl", false, 1, 14},
		{"rt280", "testdata/rt280.jsonl", "testdata/rt280.labels.jsonl", false, 0, 11},
		{"rt281", "testdata/rt281.jsonl", "testdata/rt281.labels.jsonl", false, 0, 4},
		{"rt282", "testdata/rt282.jsonl", "testdata/rt282.labels.jsonl", false, 0, 20},
		{"rt283", "testdata/rt283.jsonl", "testdata/rt283.labels.jsonl", false, 1, 3},
		// rt284-rt289 were written in the middle of the twenty-fifth round,
		// measured blind after each of its steps, then read within it (not
		// trained on: testdata/untrained.txt).
		{"rt284", "testdata/rt284.jsonl", "testdata/rt284.labels.jsonl", false, 0, 3},
		{"rt285", "testdata/rt285.jsonl", "testdata/rt285.labels.jsonl", false, 1, 8},
		{"rt286", "testdata/rt286.jsonl", "testdata/rt286.labels.jsonl", false, 0, 7},
		{"rt287", "testdata/rt287.jsonl", "testdata/rt287.labels.jsonl", false, 1, 6},
		{"rt288", "testdata/rt288.jsonl", "testdata/rt288.labels.jsonl", false, 3, 16},
		{"rt289", "testdata/rt289.jsonl", "testdata/rt289.labels.jsonl", false, 8, 4},
		// rt290-rt295 were written late in the twenty-fifth round, measured
		// blind after each of its steps, then read within it (not trained
		// on: testdata/untrained.txt).
		{"rt290", "testdata/rt290.jsonl", "testdata/rt290.labels.jsonl", false, 0, 4},
		{"rt291", "testdata/rt291.jsonl", "testdata/rt291.labels.jsonl", false, 3, 13},
		{"rt292", "testdata/rt292.jsonl", "testdata/rt292.labels.jsonl", false, 2, 14},
		{"rt293", "testdata/rt293.jsonl", "testdata/rt293.labels.jsonl", false, 2, 6},
		{"rt294", "testdata/rt294.jsonl", "testdata/rt294.labels.jsonl", false, 1, 6},
		{"rt295", "testdata/rt295.jsonl", "testdata/rt295.labels.jsonl", false, 1, 3},
		// rt296-rt301 were written at the end of the twenty-fifth round, kept
		// unread through it, then read in the twenty-sixth (not trained on:
		// testdata/untrained.txt).
		{"rt296", "testdata/rt296.jsonl", "testdata/rt296.labels.jsonl", false, 0, 3},
		{"rt297", "testdata/rt297.jsonl", "testdata/rt297.labels.jsonl", false, 3, 14},
		{"rt298", "testdata/rt298.jsonl", "testdata/rt298.labels.jsonl", false, 1, 12},
		{"rt299", "testdata/rt299.jsonl", "testdata/rt299.labels.jsonl", false, 0, 4},
		{"rt300", "testdata/rt300.jsonl", "testdata/rt300.labels.jsonl", false, 1, 9},
		{"rt301", "testdata/rt301.jsonl", "testdata/rt301.labels.jsonl", false, 2, 0},
		// rt302-rt307 were written early in the twenty-sixth round, measured
		// blind after its first step, then read within it (not trained on:
		// testdata/untrained.txt).
		{"rt302", "testdata/rt302.jsonl", "testdata/rt302.labels.jsonl", false, 1, 7},
		{"rt303", "testdata/rt303.jsonl", "testdata/rt303.labels.jsonl", false, 1, 16},
		{"rt304", "testdata/rt304.jsonl", "testdata/rt304.labels.jsonl", false, 3, 6},
		{"rt305", "testdata/rt305.jsonl", "testdata/rt305.labels.jsonl", false, 2, 9},
		{"rt306", "testdata/rt306.jsonl", "testdata/rt306.labels.jsonl", false, 5, 12},
		{"rt307", "testdata/rt307.jsonl", "testdata/rt307.labels.jsonl", false, 6, 2},
		// rt308-rt313 were written in the twenty-sixth round, measured blind
		// after its first two steps, then read within it (not trained on:
		// testdata/untrained.txt).
		{"rt308", "testdata/rt308.jsonl", "testdata/rt308.labels.jsonl", false, 0, 3},
		{"rt309", "testdata/rt309.jsonl", "testdata/rt309.labels.jsonl", false, 3, 12},
		{"rt310", "testdata/rt310.jsonl", "testdata/rt310.labels.jsonl", false, 2, 11},
		{"rt311", "testdata/rt311.jsonl", "testdata/rt311.labels.jsonl", false, 0, 9},
		{"rt312", "testdata/rt312.jsonl", "testdata/rt312.labels.jsonl", false, 2, 12},
		{"rt313", "testdata/rt313.jsonl", "testdata/rt313.labels.jsonl", false, 3, 4},
		// rt314-rt319 were written late in the twenty-sixth round, measured blind
		// and kept unread, then read in the twenty-seventh; rt320-rt325 were
		// written early in the twenty-seventh, measured blind after its first
		// step, then read within it (not trained on: testdata/untrained.txt).
		{"rt314", "testdata/rt314.jsonl", "testdata/rt314.labels.jsonl", false, 3, 8},
		{"rt315", "testdata/rt315.jsonl", "testdata/rt315.labels.jsonl", false, 2, 9},
		{"rt316", "testdata/rt316.jsonl", "testdata/rt316.labels.jsonl", false, 1, 8},
		{"rt317", "testdata/rt317.jsonl", "testdata/rt317.labels.jsonl", false, 0, 5},
		{"rt318", "testdata/rt318.jsonl", "testdata/rt318.labels.jsonl", false, 2, 7},
		{"rt319", "testdata/rt319.jsonl", "testdata/rt319.labels.jsonl", false, 2, 0},
		{"rt320", "testdata/rt320.jsonl", "testdata/rt320.labels.jsonl", false, 0, 6},
		{"rt321", "testdata/rt321.jsonl", "testdata/rt321.labels.jsonl", false, 1, 9},
		{"rt322", "testdata/rt322.jsonl", "testdata/rt322.labels.jsonl", false, 0, 5},
		{"rt323", "testdata/rt323.jsonl", "testdata/rt323.labels.jsonl", false, 0, 8},
		{"rt324", "testdata/rt324.jsonl", "testdata/rt324.labels.jsonl", false, 0, 8},
		{"rt325", "testdata/rt325.jsonl", "testdata/rt325.labels.jsonl", false, 5, 1},
		// rt326-rt331 were written late in the twenty-seventh round, measured
		// blind and kept unread, then read in the twenty-eighth (not trained
		// on: testdata/untrained.txt).
		{"rt326", "testdata/rt326.jsonl", "testdata/rt326.labels.jsonl", false, 0, 4},
		{"rt327", "testdata/rt327.jsonl", "testdata/rt327.labels.jsonl", false, 2, 7},
		{"rt328", "testdata/rt328.jsonl", "testdata/rt328.labels.jsonl", false, 1, 6},
		{"rt329", "testdata/rt329.jsonl", "testdata/rt329.labels.jsonl", false, 2, 3},
		{"rt330", "testdata/rt330.jsonl", "testdata/rt330.labels.jsonl", false, 1, 9},
		{"rt331", "testdata/rt331.jsonl", "testdata/rt331.labels.jsonl", false, 4, 1},
		// rt332-rt337 were written early in the twenty-eighth round, measured
		// blind after its first step, then read within it.
		{"rt332", "testdata/rt332.jsonl", "testdata/rt332.labels.jsonl", false, 2, 4},
		{"rt333", "testdata/rt333.jsonl", "testdata/rt333.labels.jsonl", false, 1, 16},
		{"rt334", "testdata/rt334.jsonl", "testdata/rt334.labels.jsonl", false, 0, 19},
		{"rt335", "testdata/rt335.jsonl", "testdata/rt335.labels.jsonl", false, 1, 8},
		{"rt336", "testdata/rt336.jsonl", "testdata/rt336.labels.jsonl", false, 1, 12},
		{"rt337", "testdata/rt337.jsonl", "testdata/rt337.labels.jsonl", false, 7, 2},
		// rt338-rt349 were written at the twenty-eighth round's end (rt344-rt349
		// about autumn 2025), kept unread, measured blind at the twenty-ninth's
		// start, then read in it (not trained on: testdata/untrained.txt).
		{"rt338", "testdata/rt338.jsonl", "testdata/rt338.labels.jsonl", false, 1, 8},
		{"rt339", "testdata/rt339.jsonl", "testdata/rt339.labels.jsonl", false, 0, 11},
		{"rt340", "testdata/rt340.jsonl", "testdata/rt340.labels.jsonl", false, 4, 5},
		{"rt341", "testdata/rt341.jsonl", "testdata/rt341.labels.jsonl", false, 1, 16},
		{"rt342", "testdata/rt342.jsonl", "testdata/rt342.labels.jsonl", false, 0, 15},
		{"rt343", "testdata/rt343.jsonl", "testdata/rt343.labels.jsonl", false, 3, 3},
		{"rt344", "testdata/rt344.jsonl", "testdata/rt344.labels.jsonl", false, 1, 2},
		{"rt345", "testdata/rt345.jsonl", "testdata/rt345.labels.jsonl", false, 2, 3},
		{"rt346", "testdata/rt346.jsonl", "testdata/rt346.labels.jsonl", false, 1, 9},
		{"rt347", "testdata/rt347.jsonl", "testdata/rt347.labels.jsonl", false, 0, 7},
		{"rt348", "testdata/rt348.jsonl", "testdata/rt348.labels.jsonl", false, 1, 9},
		{"rt349", "testdata/rt349.jsonl", "testdata/rt349.labels.jsonl", false, 0, 0},
		// rt350-rt355 were written at the twenty-ninth round's end about spring
		// 2025, kept unread, measured blind at the thirtieth's start, then read
		// in it (not trained on: testdata/untrained.txt).
		{"rt350", "testdata/rt350.jsonl", "testdata/rt350.labels.jsonl", false, 2, 5},
		{"rt351", "testdata/rt351.jsonl", "testdata/rt351.labels.jsonl", false, 2, 14},
		{"rt352", "testdata/rt352.jsonl", "testdata/rt352.labels.jsonl", false, 2, 6},
		{"rt353", "testdata/rt353.jsonl", "testdata/rt353.labels.jsonl", false, 2, 2},
		{"rt354", "testdata/rt354.jsonl", "testdata/rt354.labels.jsonl", false, 1, 0},
		{"rt355", "testdata/rt355.jsonl", "testdata/rt355.labels.jsonl", false, 5, 3},
		// rt356-rt361 were written at the thirtieth round's end about the winter
		// of 2024-25, kept unread, measured blind at the thirty-first's start,
		// then read in it (not trained on: testdata/untrained.txt).
		{"rt356", "testdata/rt356.jsonl", "testdata/rt356.labels.jsonl", false, 0, 1},
		{"rt357", "testdata/rt357.jsonl", "testdata/rt357.labels.jsonl", false, 0, 2},
		{"rt358", "testdata/rt358.jsonl", "testdata/rt358.labels.jsonl", false, 1, 1},
		{"rt359", "testdata/rt359.jsonl", "testdata/rt359.labels.jsonl", false, 1, 0},
		{"rt360", "testdata/rt360.jsonl", "testdata/rt360.labels.jsonl", false, 0, 1},
		// Its false positive: COP29's host calling oil "a gift of God", labelled
		// a borderline out here and in by two other writers (rt364, rt366); the
		// brief counts what the leaders say.
		{"rt361", "testdata/rt361.jsonl", "testdata/rt361.labels.jsonl", false, 1, 0},
		// rt362-rt367 were written in the thirty-first round about the summer
		// and autumn of 2024, kept unread while it read rt356-rt361, measured
		// blind, then read in its second pass (not trained on).
		{"rt362", "testdata/rt362.jsonl", "testdata/rt362.labels.jsonl", false, 0, 3},
		{"rt363", "testdata/rt363.jsonl", "testdata/rt363.labels.jsonl", false, 2, 6},
		{"rt364", "testdata/rt364.jsonl", "testdata/rt364.labels.jsonl", false, 0, 8},
		{"rt365", "testdata/rt365.jsonl", "testdata/rt365.labels.jsonl", false, 1, 4},
		{"rt366", "testdata/rt366.jsonl", "testdata/rt366.labels.jsonl", false, 1, 3},
		{"rt367", "testdata/rt367.jsonl", "testdata/rt367.labels.jsonl", false, 1, 1},
		// rt368-rt373 were written in the thirty-first round about autumn 2023 to
		// spring 2024, kept unread through its first two passes, measured blind,
		// then read in its third (not trained on).
		{"rt368", "testdata/rt368.jsonl", "testdata/rt368.labels.jsonl", false, 1, 2},
		{"rt369", "testdata/rt369.jsonl", "testdata/rt369.labels.jsonl", false, 0, 12},
		{"rt370", "testdata/rt370.jsonl", "testdata/rt370.labels.jsonl", false, 2, 6},
		{"rt371", "testdata/rt371.jsonl", "testdata/rt371.labels.jsonl", false, 0, 2},
		{"rt372", "testdata/rt372.jsonl", "testdata/rt372.labels.jsonl", false, 0, 10},
		{"rt373", "testdata/rt373.jsonl", "testdata/rt373.labels.jsonl", false, 1, 2},
		// rt374-rt379 were written in the thirty-first round about spring and
		// summer 2023, kept unread through its first three passes, measured
		// blind, then read in its fourth (not trained on).
		{"rt374", "testdata/rt374.jsonl", "testdata/rt374.labels.jsonl", false, 1, 5},
		{"rt375", "testdata/rt375.jsonl", "testdata/rt375.labels.jsonl", false, 0, 13},
		{"rt376", "testdata/rt376.jsonl", "testdata/rt376.labels.jsonl", false, 2, 13},
		{"rt377", "testdata/rt377.jsonl", "testdata/rt377.labels.jsonl", false, 0, 2},
		{"rt378", "testdata/rt378.jsonl", "testdata/rt378.labels.jsonl", false, 1, 17},
		{"rt379", "testdata/rt379.jsonl", "testdata/rt379.labels.jsonl", false, 3, 1},
		// rt380-rt385 were written at the thirty-first round's end about autumn
		// 2022 to winter 2022-23, kept unread, measured blind at the
		// thirty-second's start, then read in its first pass (not trained on).
		{"rt380", "testdata/rt380.jsonl", "testdata/rt380.labels.jsonl", false, 0, 4},
		{"rt381", "testdata/rt381.jsonl", "testdata/rt381.labels.jsonl", false, 0, 2},
		{"rt382", "testdata/rt382.jsonl", "testdata/rt382.labels.jsonl", false, 0, 11},
		{"rt383", "testdata/rt383.jsonl", "testdata/rt383.labels.jsonl", false, 1, 2},
		{"rt384", "testdata/rt384.jsonl", "testdata/rt384.labels.jsonl", false, 2, 3},
		{"rt385", "testdata/rt385.jsonl", "testdata/rt385.labels.jsonl", false, 3, 2},
		// rt386-rt391 were written at the thirty-second round's start about the
		// summer and autumn of 2025, kept unread through its first pass,
		// measured blind, then read in its second (not trained on).
		{"rt386", "testdata/rt386.jsonl", "testdata/rt386.labels.jsonl", false, 1, 1},
		{"rt387", "testdata/rt387.jsonl", "testdata/rt387.labels.jsonl", false, 1, 2},
		{"rt388", "testdata/rt388.jsonl", "testdata/rt388.labels.jsonl", false, 1, 0},
		{"rt389", "testdata/rt389.jsonl", "testdata/rt389.labels.jsonl", false, 2, 0},
		{"rt390", "testdata/rt390.jsonl", "testdata/rt390.labels.jsonl", false, 0, 2},
		{"rt391", "testdata/rt391.jsonl", "testdata/rt391.labels.jsonl", false, 0, 1},
		// rt392-rt397 were written in the thirty-second round about March 2021
		// to August 2022, kept unread through its first two passes, measured
		// blind, then read in its third (not trained on).
		{"rt392", "testdata/rt392.jsonl", "testdata/rt392.labels.jsonl", false, 0, 1},
		{"rt393", "testdata/rt393.jsonl", "testdata/rt393.labels.jsonl", false, 1, 4},
		{"rt394", "testdata/rt394.jsonl", "testdata/rt394.labels.jsonl", false, 0, 1},
		{"rt395", "testdata/rt395.jsonl", "testdata/rt395.labels.jsonl", false, 1, 7},
		{"rt396", "testdata/rt396.jsonl", "testdata/rt396.labels.jsonl", false, 0, 4},
		// Its three false positives are labelled out by the writer and in by
		// the brief's rule on commemorations and history in present politics
		// (April 24 at Tsitsernakaberd, Alfortville; Uruguay's recognition).
		{"rt397", "testdata/rt397.jsonl", "testdata/rt397.labels.jsonl", false, 3, 1},
		// rt398-rt403 were written in the thirty-second round about the 2020 war
		// and its aftermath, kept unread through its first three passes,
		// measured blind (recall 0.710, the lowest of any period), then read in
		// its fourth (not trained on). Several of their false positives are bare
		// slogans and a goal dedicated to "Artsakh's boys" that the writers
		// labelled out.
		{"rt398", "testdata/rt398.jsonl", "testdata/rt398.labels.jsonl", false, 3, 7},
		{"rt399", "testdata/rt399.jsonl", "testdata/rt399.labels.jsonl", false, 2, 29},
		{"rt400", "testdata/rt400.jsonl", "testdata/rt400.labels.jsonl", false, 1, 17},
		{"rt401", "testdata/rt401.jsonl", "testdata/rt401.labels.jsonl", false, 0, 12},
		{"rt402", "testdata/rt402.jsonl", "testdata/rt402.labels.jsonl", false, 1, 13},
		{"rt403", "testdata/rt403.jsonl", "testdata/rt403.labels.jsonl", false, 6, 5},
		// rt404-rt409 were written at the thirty-second round's end about the
		// summer and autumn of 2025 again, by new writers, kept unread, measured
		// blind with its final rules (recall 0.925), then read in the
		// thirty-third round (not trained on).
		{"rt404", "testdata/rt404.jsonl", "testdata/rt404.labels.jsonl", false, 0, 1},
		{"rt405", "testdata/rt405.jsonl", "testdata/rt405.labels.jsonl", false, 0, 5},
		{"rt406", "testdata/rt406.jsonl", "testdata/rt406.labels.jsonl", false, 1, 1},
		{"rt407", "testdata/rt407.jsonl", "testdata/rt407.labels.jsonl", false, 0, 0},
		{"rt408", "testdata/rt408.jsonl", "testdata/rt408.labels.jsonl", false, 3, 4},
		{"rt409", "testdata/rt409.jsonl", "testdata/rt409.labels.jsonl", false, 0, 3},
		// rt410-rt415 were written at the thirty-third round's start about
		// September 2024 to May 2025, kept unread through its first pass,
		// measured blind (recall 0.937), then read in its second (not trained on).
		{"rt410", "testdata/rt410.jsonl", "testdata/rt410.labels.jsonl", false, 0, 0},
		{"rt411", "testdata/rt411.jsonl", "testdata/rt411.labels.jsonl", false, 3, 8},
		{"rt412", "testdata/rt412.jsonl", "testdata/rt412.labels.jsonl", false, 2, 5},
		{"rt413", "testdata/rt413.jsonl", "testdata/rt413.labels.jsonl", false, 2, 1},
		{"rt414", "testdata/rt414.jsonl", "testdata/rt414.labels.jsonl", false, 3, 14},
		{"rt415", "testdata/rt415.jsonl", "testdata/rt415.labels.jsonl", false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := loadLabelled(t, tt.events, tt.labels)
			langs := labelLangs(t, tt.labels)
			ins := make([]Input, len(ls))
			for i, l := range ls {
				ins[i] = l.in
			}
			env := NewMemoryEnv()
			if tt.expert {
				env.SetTier(ins[0].Author, model.TierExpert)
			}
			type counts struct{ tp, fp, fn int }
			total := counts{}
			byLang := map[string]*counts{}
			for i, d := range runFeed(t, c, env, ins) {
				lc := byLang[langs[string(ins[i].URI)]]
				if lc == nil {
					lc = &counts{}
					byLang[langs[string(ins[i].URI)]] = lc
				}
				switch {
				case d.In && ls[i].label:
					total.tp++
					lc.tp++
				case d.In:
					total.fp++
					lc.fp++
					t.Logf("false positive: %q (%s) %v", ls[i].in.Post.Text, ls[i].why, d.Reasons)
				case ls[i].label:
					total.fn++
					lc.fn++
					t.Logf("false negative: %q (%s) %v", ls[i].in.Post.Text, ls[i].why, d.Reasons)
				}
			}
			var per []string
			for l, n := range byLang {
				if l != "" {
					per = append(per, l+" "+strconv.Itoa(n.tp)+"/"+strconv.Itoa(n.fp)+"/"+strconv.Itoa(n.fn))
				}
			}
			sort.Strings(per)
			t.Logf("%d posts: %d true positives, %d false positives, %d false negatives; by language (tp/fp/fn): %s",
				len(ls), total.tp, total.fp, total.fn, strings.Join(per, ", "))
			if total.fp > tt.maxFP || total.fn > tt.maxFN {
				t.Errorf("got %d false positives and %d false negatives, want at most %d and %d", total.fp, total.fn, tt.maxFP, tt.maxFN)
			}
		})
	}
}

// labelLangs reads the optional "lang" of each label, by URI.
func labelLangs(tb testing.TB, path string) map[string]string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var l struct {
			URI  string `json:"uri"`
			Lang string `json:"lang"`
		}
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out[l.URI] = l.Lang
	}
	return out
}
