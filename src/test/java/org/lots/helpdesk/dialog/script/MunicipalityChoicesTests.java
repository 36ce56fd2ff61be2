package org.lots.helpdesk.dialog.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Municipalities;
import org.lots.helpdesk.dialog.Step;

class MunicipalityChoicesTests {

    private static final Map<String, Object> TWO = Map.of("elsewhere_url", "https://www.informationsverige.se/", "municipalities", List.of(
            Map.of("id", "trollhattan", "name", "Trollhättan", "url", "https://www.trollhattan.se/"),
            Map.of("id", "vanersborg", "name", "Vänersborg", "url", "https://www.vanersborg.se/", "sfi_url", "https://www.vanersborg.se/sfi")));

    private static Dialog asking() {
        Step ask = new Step.Ask("where", 3, "municipality.where_q", Municipalities.VARIABLE,
                List.of(new Step.Choice(Municipalities.FROM_SETTINGS, Municipalities.FROM_SETTINGS, "known")));
        return new Dialog("municipality", "municipality.title", null, List.of(ask, new Step.End("known", 5, null)), Map.of(), List.of(), "dialogs/municipality.yaml");
    }

    @Test
    void theChoicesAreTheServedMunicipalitiesThenElsewhere() {
        Step.Ask ask = (Step.Ask) new MunicipalityChoices(Municipalities.of(TWO)).expand(asking()).steps().get(0);
        assertEquals(List.of("trollhattan", "vanersborg", Municipalities.ELSEWHERE), ask.choices().stream().map(Step.Choice::value).toList());
        assertEquals(List.of("known", "known", "known"), ask.choices().stream().map(Step.Choice::next).toList());
    }

    @Test
    void aDeploymentServingOneMunicipalityNeverAsks() {
        var one = Municipalities.of(Map.of("municipalities", List.of(Map.of("id", "uddevalla", "name", "Uddevalla", "url", "https://www.uddevalla.se/"))));
        Step step = new MunicipalityChoices(one).expand(asking()).steps().get(0);
        assertEquals("known", assertInstanceOf(Step.Goto.class, step).target());
        assertEquals("https://www.uddevalla.se/", Municipalities.urls(Map.of("municipalities", List.of(Map.of("id", "uddevalla", "name", "Uddevalla",
                "url", "https://www.uddevalla.se/"))), Map.of()).get("municipality_url"));
    }

    @Test
    void linksFollowTheChoiceAndFallBackToTheHomePageOrNationalGuidance() {
        assertEquals("https://www.vanersborg.se/sfi", Municipalities.urls(TWO, Map.of("municipality", "vanersborg")).get("municipality_sfi_url"));
        assertEquals("https://www.trollhattan.se/", Municipalities.urls(TWO, Map.of("municipality", "trollhattan")).get("municipality_sfi_url"));
        assertEquals("https://www.informationsverige.se/", Municipalities.urls(TWO, Map.of("municipality", "elsewhere")).get("municipality_url"));
        assertEquals("https://www.informationsverige.se/", Municipalities.urls(TWO, Map.of()).get("municipality_url"));
    }
}
