package relevance

import "testing"

// TestRound33SelfSupportFixed: forms that were their own context (the
// parser's self-support warning, issue 11's thirty-third round) and so
// counted alone. Each "is not it" case is in with the rules before the
// round; the others keep the stories those forms were written for.
func TestRound33SelfSupportFixed(t *testing.T) {
	runClassCases(t, []classCase{
		{"sharks in an aquarium is not it", "en", "Went to see the sharks in an aquarium today with the kids", false, ""},
		{"swimming with sharks is not it, ru", "ru", "В отпуске плавали с акулами на Мальдивах, незабываемо", false, ""},
		{"the man with sharks who runs the country, el", "el", "Ο τύπος με τους καρχαρίες στο ενυδρείο αποφασίζει ακόμα για όλη τη χώρα", true, "with:Billionaire's menagerie/"},
		{"a bike video is not it, es", "es", "Nuevo vídeo en bici por la montaña, suscríbete", false, ""},
		{"a gym's five-year auto-renewal is not it", "en", "Our gym membership has a 5-year auto-renewal clause, beware", false, ""},
		{"peacekeepers' five-year renewal, zh", "zh", "俄罗斯维和部队一进驻，谁是真正赢家一目了然。五年自动续期", true, "with:Peacekeepers for five years/"},
		{"a drone downed near Moscow is not it, ru", "ru", "В Подмосковье сбит самолёт-беспилотник", false, ""},
		{"a plane downed near Kursk is not it, ru", "ru", "Сбитый самолёт упал под Курском, пилот катапультировался", false, ""},
		{"the Grozny plane, en", "en", "The Azerbaijan Airlines plane shot down near Grozny: Kazakhstan publishes its report", true, "with:Downed airliner/"},
		{"the airliner shot down and Baku, ja", "ja", "なんで急にバクーとモスクワがこんなに険悪に？去年のクリスマスの旅客機撃墜からずっと続いてる流れ？", true, "with:Downed airliner/"},
		{"an airliner shot down in 1983 is not it, ja", "ja", "大韓航空機撃墜事件、旅客機撃墜の悲劇を忘れない", false, ""},
		{"a capitol stormed is not it, ja", "ja", "ワシントンで議会に人がなだれ込む映像が再び話題に", false, ""},
		{"parliament stormed after the ceasefire, ja", "ja", "停戦合意の中身読んだら、ほぼ降伏文書じゃん…そりゃ首都で議会に人がなだれ込むわ", true, "with:Parliament stormed after the ceasefire/"},
		{"a deal signed at 1 am is not it, ko", "ko", "새벽 1시에 서명 완료, 이사 계약 드디어 끝", false, ""},
	})
}

