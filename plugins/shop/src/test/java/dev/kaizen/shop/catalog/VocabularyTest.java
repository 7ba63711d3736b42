package dev.kaizen.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.shop.reward.PhraseMatcher;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final Vocabulary STANDARD = Vocabulary.standard();

    @Test
    void standardVocabularyHasTheBreadthTheStoreNeeds() {
        assertThat(STANDARD.categories()).hasSizeGreaterThanOrEqualTo(20);
        Set<String> departments = new HashSet<>();
        int types = 0;
        for (CategorySpec category : STANDARD.categories()) {
            departments.add(category.department());
            types += category.types().size();
            for (TypeSpec type : category.types()) {
                assertThat(category.attributes(type)).as(type.phrase()).hasSizeGreaterThanOrEqualTo(6);
                assertThat(category.optionGroups(type)).as(type.phrase()).isNotEmpty();
            }
        }
        assertThat(departments).hasSizeGreaterThanOrEqualTo(8);
        assertThat(types).isGreaterThanOrEqualTo(60);
        assertThat(STANDARD.attributes()).allMatch(group -> group.phrases().size() >= 2);
    }

    @Test
    void distinctAttributesNeverMatchEachOtherUnderTheRewardsFuzzyRules() {
        Lexicon lexicon = new Lexicon(STANDARD);
        List<String[]> clashes = new ArrayList<>();
        for (int a = 0; a < lexicon.size(); a++) {
            for (int b = a + 1; b < lexicon.size(); b++) {
                for (String x : lexicon.group(a).phrases()) {
                    for (String y : lexicon.group(b).phrases()) {
                        if (PhraseMatcher.similar(x, y)) {
                            clashes.add(new String[] {x, y});
                        }
                    }
                }
            }
        }
        assertThat(clashes).extracting(pair -> pair[0] + " ~ " + pair[1]).isEmpty();
    }

    @Test
    void optionValuesOfATypeAreDistinctAndNeverCollideWithPageButtons() {
        Set<String> buttons = Set.of("back to search", "< prev", "next >", "description", "features", "reviews",
                "buy now");
        for (CategorySpec category : STANDARD.categories()) {
            for (TypeSpec type : category.types()) {
                Set<String> values = new HashSet<>();
                for (OptionGroup group : category.optionGroups(type)) {
                    for (String value : group.values()) {
                        assertThat(values.add(PhraseNormalizer.normalize(value)))
                                .as("%s: option value '%s' appears twice", type.phrase(), value).isTrue();
                        assertThat(buttons).doesNotContain(value.toLowerCase(java.util.Locale.ROOT));
                        assertThat(value).doesNotStartWith("B0");
                    }
                }
            }
        }
    }

    @Test
    void rejectsUnknownFieldsWithTheirName() {
        String json = "{\"attributes\": [], \"brandStarts\": [\"A\"], \"brandEnds\": [\"b\"], \"lines\": [\"X\"],"
                + " \"categories\": [], \"colours\": []}";
        assertThatThrownBy(() -> Vocabulary.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("colours");
    }

    @Test
    void rejectsACategoryNamingAnUnknownAttribute() {
        String json = "{\"attributes\": [{\"phrases\": [\"lightweight\"]}], \"brandStarts\": [\"A\"],"
                + " \"brandEnds\": [\"b\"], \"lines\": [\"X\"], \"categories\": [{\"id\": \"c\", \"department\": \"D\","
                + " \"name\": \"C\", \"audience\": \"all\", \"types\": [{\"phrase\": \"t\", \"price\": [1, 2]}],"
                + " \"attributes\": [\"lightweight\", \"sturdy\", \"lightweight\", \"lightweight\"],"
                + " \"details\": [\"a\", \"b\"], \"uses\": [\"u\"]}]}";
        assertThatThrownBy(() -> Vocabulary.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("'sturdy'").hasMessageContaining("category 'c'");
    }

    @Test
    void rejectsAPhraseInTwoAttributeGroupsAndABadPriceRange() {
        Vocabulary twice = new Vocabulary(List.of(new AttributeGroup(List.of("waterproof"), false),
                new AttributeGroup(List.of("water proof", "dry"), false)), List.of("A"), List.of("b"), List.of("X"),
                List.of());
        assertThatThrownBy(() -> new Lexicon(twice)).hasMessageContaining("'water proof'")
                .hasMessageContaining("waterproof");
        assertThatThrownBy(() -> new TypeSpec("t", false, false, List.of(5.0, 2.0), null, null, null))
                .hasMessageContaining("type 't'").hasMessageContaining("price");
    }

    @Test
    void unknownCategoryListsTheKnownOnes() {
        assertThatThrownBy(() -> STANDARD.category("shoes")).hasMessageContaining("unknown category 'shoes'")
                .hasMessageContaining("mens-shoes");
    }
}
