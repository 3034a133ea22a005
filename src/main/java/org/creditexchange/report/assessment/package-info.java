/** The monthly assessment (绩效考核) of each source unit: 入库率, 完整率, 关联率, 及时率 and delivery method. */
package org.creditexchange.report.assessment;
