package io.k2.binance.soak;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class SoakChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void isWellFormedSvgWithSeriesAxesLegendAndAMarkerPerRotationAndFault() throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        long rotations = 0;
        for (int i = 0; i <= 60; i++) {
            // a rotation every 6 samples, two at once at sample 30
            rotations += i % 6 == 0 && i > 0 ? (i == 30 ? 2 : 1) : 0;
            samples.add(SoakSamples.at(i * 10, 250 + i % 3, 0, rotations));
        }
        List<InjectedFault> faults = List.of(new InjectedFault(0, 60, "drop", "c1"),
                new InjectedFault(0, 180, "stall", "10 s"));

        String svg = SoakChart.svg("k2 soak, mode short, 2026-12-01 <test> & more", samples, faults);
        Document d = parse(svg);

        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("1000");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 1000 520");
        assertThat(withClass(d, "line", "rotation")).hasSize(10);
        assertThat(withClass(d, "line", "rotation").get(4).getTextContent()).contains("rotation x2");
        assertThat(withClass(d, "line", "fault")).hasSize(2);
        assertThat(withClass(d, "text", "fault-label")).extracting(Element::getTextContent).containsExactly("drop", "stall");
        assertThat(withClass(d, "polyline", "rss")).hasSize(1);
        assertThat(withClass(d, "polyline", "heap")).hasSize(1);
        assertThat(withClass(d, "polyline", "score")).hasSize(1);
        assertThat(withClass(d, "polyline", "rss").get(0).getAttribute("points").split(" ")).hasSize(61);
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("k2 soak, mode short, 2026-12-01 <test> & more");
        assertThat(svg).contains("elapsed (minutes)", "memory (MB)", "leak score (0..1)", "RSS (MB, left)",
                "heap after GC (MB, left)", "injected fault");
        assertThat(svg).doesNotContain("<script", "href=");
    }

    @Test
    void samplesTheAppDidNotAnswerAreLeftOutOfTheirSeriesAndLongRunsAreInHours() throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        for (int i = 0; i <= 24; i++) {
            samples.add(SoakSamples.at(i * 3600, 260));
        }
        samples.add(new SoakSample(0, 24.5 * 3600, 261L << 20, -1, -1, -1, -1, java.util.Map.of(), java.util.Map.of(),
                -1, 0));
        String svg = SoakChart.svg("k2 soak, mode 24h", samples, List.of());
        Document d = parse(svg);
        assertThat(withClass(d, "polyline", "rss").get(0).getAttribute("points").split(" ")).hasSize(26);
        assertThat(withClass(d, "polyline", "heap").get(0).getAttribute("points").split(" ")).hasSize(25);
        assertThat(withClass(d, "line", "rotation")).isEmpty();
        assertThat(svg).contains("elapsed (hours)");
    }

    @Test
    void anEmptyRunStillGivesAValidChart() throws Exception {
        Document d = parse(SoakChart.svg("k2 soak, mode short (stopped early)", List.of(), List.of()));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    }

    @Test
    void axisEndsAreRound() {
        assertThat(SoakChart.niceCeiling(330)).isEqualTo(400);
        assertThat(SoakChart.niceCeiling(251)).isEqualTo(300);
        assertThat(SoakChart.niceCeiling(99)).isEqualTo(100);
        assertThat(SoakChart.niceCeiling(0)).isZero();
    }
}
