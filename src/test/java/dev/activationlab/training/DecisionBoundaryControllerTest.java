package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import dev.activationlab.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;

@ApiSliceTest(value = DecisionBoundaryController.class)
class DecisionBoundaryControllerTest {

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/networks/decision-boundary/plot").contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    @Test
    void svgShouldBeXmlWithTheTitleAndTheLegend() throws Exception {
        MvcTestResult result = post(DecisionBoundaryController.EXAMPLE.replace("\"resolution\": 100",
                "\"resolution\": 20"));
        assertThat(result).hasStatus(200).hasContentTypeCompatibleWith("image/svg+xml");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
        assertThat(svg.getDocumentElement().getTextContent()).contains("Decision boundary", "class 0", "class 1");
    }

    @Test
    void pngShouldColourTheXorCornersByTheirClass() throws Exception {
        MvcTestResult result = post(DecisionBoundaryController.EXAMPLE.replace("\"svg\"", "\"png\""));
        assertThat(result).hasStatus(200).hasContentTypeCompatibleWith("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(600);
        // The plot area's corners near (0, 1) and (1, 0) are class 1 (orange: more red than blue), the
        // corners near (0, 0) and (1, 1) class 0 (blue: more blue than red).
        int topLeft = image.getRGB(90, 70);
        int topRight = image.getRGB(560, 70);
        assertThat(red(topLeft)).isGreaterThan(blue(topLeft));
        assertThat(blue(topRight)).isGreaterThan(red(topRight));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [[5e-324, 0], [0, 1], [0, 0], [5e-324, 1]]
            [[1e300, 2], [1e300, 2], [1e300, 2], [1e300, 2]]
            [[1, 1e-9], [1.0000000000000002, 1e-9], [1, 0], [1, 1e-9]]
            """)
    void samplesTooCloseForDistinctCellsShouldStillBeDrawn(String inputs) {
        String json = JsonBodies.replacing(DecisionBoundaryController.EXAMPLE, "\"inputs\": " + inputs);
        assertThat(post(json)).hasStatus(200).hasContentTypeCompatibleWith("image/svg+xml");
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "resolution": 1                                    | 400 | resolution
            "resolution": 401                                  | 400 | resolution
            "inputs": [[0, 0, 1]]                              | 400 | inputs[0]
            "targets": [[0], [1]]                              | 400 | targets
            "loss": "hinge"                                    | 400 | loss
            "inputs": [[-1e308, 0], [1e308, 1], [0, 0], [1, 1]]  | 400 | inputs
            """)
    void badFieldsShouldBeNamed(String field, int status, String path) {
        String json = JsonBodies.replacing(DecisionBoundaryController.EXAMPLE, field);
        MvcTestResult result = post(json);
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(path);
    }
}
