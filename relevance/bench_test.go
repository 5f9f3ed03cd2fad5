package relevance

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// chatterWords are the stuff of unrelated posts in several scripts,
// including words that look like region words but are not (turkey,
// corridor, peace, Georgia's US neighbours), so that the benchmark pays for
// the near-misses real traffic has.
var chatterWords = strings.Fields(`
the a to and of in is it you that was for on are with as I his they be at one
have this from or had by hot word but what some we can out other were all
there when up use your how said an each she which do their time if will way
about many then them write would like so these her long make thing see him
two has look more day could go come did number sound no most people my over
know water than call first who may down side been now find any new work part
coffee morning tonight weekend game match train delay rain sunny dog cat pizza
turkey corridor peace inner election county Atlanta football recipe bread
wine travel hotel museum concert album release update thread lol omg thanks
и в не на я что с он а как это по но они к у из за то же ты все она так его
утро кофе погода снег поезд работа выходные кино музыка книга
bir ve bu da için ile çok daha gibi ama ne var yok hava trafik maç yemek
der die das und ist nicht ein zu mit auf für Wetter Bahn Kaffee Arbeit
el la de que y en los se del las un por con una para es muy hoy
le la les de et un une est pas pour dans café journée réunion
https://example.com/some/path #photography #caturday @friend.bsky.social
`)

// cjkPhrases are the stuff of Japanese, Chinese and Korean chatter. The
// first two write no spaces, so every character is a word to the matcher:
// the costliest text per byte that the network carries.
var cjkPhrases = strings.Fields(`
今日は 雨が 降って 寒い 朝ごはんは パンと コーヒー 電車が 遅れて 会社に 遅刻した
猫が かわいい 週末は 映画を 見に 行きたい 新しい アルバムが 出た ライブ 最高だった
ラーメン 食べたい 仕事 終わらない 明日 早起き 頑張ろう ありがとう ございます
今天 天气 很好 我们 去 公园 散步 晚饭 吃 什么 这个 电影 真好看 周末 加班 好累
地铁 太挤了 新闻 说 明天 下雨 咖啡 店 排队 手机 没电了 朋友 生日 快乐
오늘 날씨 좋다 점심 뭐 먹지 주말에 영화 보러 갈까 커피 한 잔 출근길 지하철 너무 붐빈다
`)

// cjkChatter returns n posts of 3 to 20 phrases drawn from cjkPhrases,
// with a space only after a Korean one.
func cjkChatter(n int) []Post {
	korean := func(ph string) bool { return ph >= "가" } // Hangul sorts after the kana and ideographs used here
	return generated(5, n, 3, 18, cjkPhrases, "ja", korean)
}

// regionalPosts are on-topic and near-miss posts from the devset and the
// tests, to mix in at a realistic rate.
func regionalPosts(tb testing.TB) []Post {
	var ps []Post
	for _, in := range loadEvents(tb, "testdata/devset.jsonl") {
		ps = append(ps, in.Post)
	}
	return ps
}

// chatter returns n posts of 5 to 40 words drawn from chatterWords.
func chatter(n int) []Post {
	return generated(1, n, 5, 36, chatterWords, "en", func(string) bool { return true })
}

// generated returns n posts of minWords to minWords+spread-1 words drawn
// from words with a fixed seed; a space follows a word when spaced says so.
func generated(seed uint64, n, minWords, spread int, words []string, lang string, spaced func(string) bool) []Post {
	r := rand.New(rand.NewPCG(seed, seed+1))
	ps := make([]Post, n)
	var b strings.Builder
	for i := range ps {
		b.Reset()
		prev := ""
		for w := range minWords + r.IntN(spread) {
			if w > 0 && spaced(prev) {
				b.WriteByte(' ')
			}
			prev = words[r.IntN(len(words))]
			b.WriteString(prev)
		}
		ps[i] = Post{Text: b.String(), Langs: []string{lang}}
	}
	return ps
}

// mix is 95% chatter and 5% posts from the devset (which is itself mostly
// hard negatives and on-topic posts).
func mix(tb testing.TB) []Post {
	reg := regionalPosts(tb)
	ps := chatter(1900)
	for i := range 100 {
		ps = append(ps, reg[i%len(reg)])
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	return ps
}

func benchClassify(b *testing.B, ps []Post) {
	c := mustBuiltin(b)
	env := NewMemoryEnv()
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := c.Classify(env, Input{URI: uri(alice, "x"), Author: alice, Time: t0, Post: ps[i%len(ps)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkClassifyMix is the number for BENCHMARKS.md: the decision on a
// realistic stream, mostly unrelated chatter.
func BenchmarkClassifyMix(b *testing.B) { benchClassify(b, mix(b)) }

// BenchmarkClassifyCJK is chatter in Japanese, Chinese and Korean, written
// without spaces in the first two: one word per character.
func BenchmarkClassifyCJK(b *testing.B) { benchClassify(b, cjkChatter(2000)) }

// BenchmarkClassifyRegional is the worst case: every post from the devset,
// half of them on topic, many with link cards.
func BenchmarkClassifyRegional(b *testing.B) { benchClassify(b, regionalPosts(b)) }

// BenchmarkClassifyParallel shows that the classifier scales across cores
// (the pool of scratch buffers is per-P).
func BenchmarkClassifyParallel(b *testing.B) {
	c := mustBuiltin(b)
	ps := mix(b)
	env := NewMemoryEnv()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := c.Classify(env, Input{URI: uri(alice, "x"), Author: alice, Time: t0, Post: ps[i%len(ps)]}); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkParseRules is startup cost: parsing and compiling the builtin
// rules.
func BenchmarkParseRules(b *testing.B) {
	for b.Loop() {
		if _, err := Builtin(DefaultRules); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreScaling scores one post made of n region and topic words
// (a list of countries, places and political words, the densest text the
// rules see), for growing n. Time per word should stay flat: each context
// looks only at the occurrences it refers to, within its window.
func BenchmarkScoreScaling(b *testing.B) {
	c := mustBuiltin(b)
	words := strings.Fields(`Armenia Azerbaijan Georgia Yerevan Baku Tbilisi border treaty
	parliament elections Russia Türkiye Iran Albania Andorra Austria Belgium Bulgaria
	Pashinyan Aliyev Karabakh government opposition protest sanctions refugees`)
	for _, n := range []int{25, 100, 400, 1600} {
		var sb strings.Builder
		for i := range n {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[i%len(words)])
		}
		p := Post{Text: sb.String(), Langs: []string{"en"}}
		b.Run(strconv.Itoa(n)+"-words", func(b *testing.B) {
			for b.Loop() {
				c.Score(&p)
			}
		})
	}
}
