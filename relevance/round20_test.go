package relevance

import "testing"

// TestRound20Classes: the classes of issue 11's twentieth round. Each case
// fails with the rules before the round; the cases named "... is not it"
// guard this round's own rules.
func TestRound20Classes(t *testing.T) {
	runClassCases(t, []classCase{
		// Korean writes its particles on the noun: a form without them
		// missed "4월 24일이" and "바쿠에서는".
		{"24 April with its particle, ko", "ko", "4월 24일이 또 왔다. 정부는 올해도 '그 단어'를 피한다", true, "with:April 24/"},
		{"Baku with its particle, ko", "ko", "결국 바쿠까지 간 평화 협상, 국경 획정 문제는 그대로", true, "place:Baku"},
		{"Gunba with its particle, ko", "ko", "하짐바까지 모스크바에 불려 갔다", true, "person:Abkhaz leaders"},
		{"Kocharyan with its particle, ko", "ko", "코차랸처럼 말하는 야당 의원들", true, "person:Kocharyan"},
		{"a birthday on 24 April is not it", "ko", "4월 24일이 내 생일이라 케이크 샀다", false, ""},
		{"what grandpa calls the country is not it", "ko", "그 아저씨는 아직도 '그루지야'라고 부른다. 조지아라고 하면 미국 얘긴 줄 앎", false, ""},
	})
}
